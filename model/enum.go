package model

import (
	"slices"
	"strings"
)

// checkChoice refuses a value that is not one of an enumeration's choices,
// listing the choices so that the officer (or a script) can correct it.
func checkChoice[T ~string](field string, v T, all []T) error {
	if slices.Contains(all, v) {
		return nil
	}
	names := make([]string, len(all))
	for i, c := range all {
		names[i] = string(c)
	}
	if v == "" {
		return Invalid(field, "", "is required (one of %s)", strings.Join(names, ", "))
	}
	return Invalid(field, string(v), "should be one of %s", strings.Join(names, ", "))
}

// labelOf returns the words an officer reads for an enumeration value,
// falling back to the value itself with its underscores opened up.
func labelOf[T ~string](labels map[T]string, v T) string {
	if l, ok := labels[v]; ok {
		return l
	}
	return strings.ReplaceAll(string(v), "_", " ")
}

// parseChoice finds the value whose code or label matches s, ignoring case,
// so that "EU–UK", "eu_uk" and "EU-UK" all mean the same corridor.
func parseChoice[T ~string](field, s string, all []T, labels map[T]string) (T, error) {
	key := foldChoice(s)
	for _, c := range all {
		if foldChoice(string(c)) == key || foldChoice(labelOf(labels, c)) == key {
			return c, nil
		}
	}
	return "", checkChoice(field, T(strings.TrimSpace(s)), all)
}

func foldChoice(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	return strings.NewReplacer("–", "-", "—", "-", "_", "-", " ", "-", "/", "-").Replace(s)
}
