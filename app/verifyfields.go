package app

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"sort"
	"strings"
)

// fieldChanges lists, field by field, how a record now differs from what
// its last audit entry recorded: `description "40 kg" → "4 kg"`. Fields
// that are the same are left out; ignore names fields not compared. Values
// are compared decoded: a field whose bytes differ but whose value is the
// same (`"A&B"` and `"A\u0026B"`) is not a change of value, and is listed
// in reencoded instead: its bytes were rewritten outside Bollard.
func fieldChanges(recorded, now string, ignore []string) (changes string, reencoded []string) {
	var was, is map[string]json.RawMessage
	if json.Unmarshal([]byte(recorded), &was) != nil || json.Unmarshal([]byte(now), &is) != nil {
		return "", nil
	}
	keys := map[string]bool{}
	for k := range was {
		keys[k] = true
	}
	for k := range is {
		keys[k] = true
	}
	var names []string
	for k := range keys {
		if slices.Contains(ignore, k) || bytes.Equal(was[k], is[k]) {
			continue
		}
		if sameValue(was[k], is[k]) {
			reencoded = append(reencoded, k)
			continue
		}
		names = append(names, k)
	}
	sort.Strings(names)
	sort.Strings(reencoded)
	var out []string
	for _, k := range names {
		out = append(out, fmt.Sprintf("%s %s → %s", k, shortValue(was[k]), shortValue(is[k])))
	}
	return strings.Join(out, "; "), reencoded
}

// sameValue reports whether two JSON values, present both, decode to the
// same value.
func sameValue(a, b json.RawMessage) bool {
	if a == nil || b == nil {
		return false
	}
	var x, y any
	if json.Unmarshal(a, &x) != nil || json.Unmarshal(b, &y) != nil {
		return false
	}
	return reflect.DeepEqual(x, y)
}

// shortValue writes a JSON value for a finding, cut to a readable length.
func shortValue(v json.RawMessage) string {
	if v == nil {
		return "(none)"
	}
	s := string(v)
	if r := []rune(s); len(r) > 80 {
		s = string(r[:80]) + "…"
	}
	return s
}
