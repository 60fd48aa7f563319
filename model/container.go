package model

import "strings"

// containerField is how the form and the error messages name the field.
const containerField = "container number"

// containerShape is the rule quoted whenever the value is not even shaped
// like an ISO 6346 number, so the officer sees what to type.
const containerShape = "should be 11 characters: 4 letters then 7 digits"

// NormalizeContainerNumber checks an ISO 6346 freight container number and
// returns it in the canonical form printed on the door, "MSCU1234566".
//
// Officers copy numbers from bills of lading, photos and scanner screens where
// they appear as "MSCU 123456-6", "mscu.123456.6" and so on, so spaces,
// dashes, dots and lower case are tolerated. The check digit is always
// enforced: a single misread character would link a seizure to the wrong box.
func NormalizeContainerNumber(s string) (string, error) {
	c := strings.ToUpper(stripSeparators(s, " -./"))
	if c == "" {
		return "", Invalid(containerField, s, "is empty")
	}
	if len(c) != 11 || !isUpperLetters(c[:4]) || !isDigits(c[4:]) {
		return "", Invalid(containerField, s, containerShape)
	}
	want, err := containerCheckDigit(s, c[:10])
	if err != nil {
		return "", err
	}
	if got := int(c[10] - '0'); got != want {
		return "", Invalid(containerField, s, "check digit should be %d", want)
	}
	return c, nil
}

// ContainerCheckDigit returns the ISO 6346 check digit for the first ten
// characters of a container number (owner code, category, serial), so that
// test-data generators can build valid numbers.
func ContainerCheckDigit(first10 string) (int, error) {
	c := strings.ToUpper(first10)
	if len(c) != 10 || !isUpperLetters(c[:4]) || !isDigits(c[4:]) {
		return 0, Invalid(containerField, first10, "should be 10 characters: 4 letters then 6 digits")
	}
	return containerCheckDigit(first10, c)
}

// containerCheckDigit computes the check digit of the canonical first ten
// characters c; typed is the officer's input, quoted in errors.
func containerCheckDigit(typed, c string) (int, error) {
	// The fourth letter is the equipment category: U freight container,
	// J detachable equipment, Z trailer or chassis. Anything else is a misread.
	switch c[3] {
	case 'U', 'J', 'Z':
	default:
		return 0, Invalid(containerField, typed, "fourth letter should be U, J or Z (equipment category), not %c", c[3])
	}
	sum := 0
	for i := 0; i < 10; i++ {
		var v int
		if ch := c[i]; ch >= '0' && ch <= '9' {
			v = int(ch - '0')
		} else {
			v = containerLetterValue(ch)
		}
		sum += v << i // weight 2^i
	}
	// A remainder of 10 is written as 0; ISO 6346 advises owners not to issue
	// such serials, but they exist and are valid.
	return sum % 11 % 10, nil
}

// containerLetterValue gives A=10, B=12, ... Z=38: counting up from 10 but
// skipping 11, 22 and 33, the multiples of 11 that would make some errors
// invisible to a modulo-11 check.
func containerLetterValue(ch byte) int {
	v := 10
	for c := byte('A'); c < ch; c++ {
		v++
		if v%11 == 0 {
			v++
		}
	}
	return v
}

// stripSeparators removes every character in cut from s. Identifiers are
// copied from paper with spaces, dashes and dots that carry no meaning, and
// every validator of this package drops them before checking.
func stripSeparators(s, cut string) string {
	return strings.Map(func(r rune) rune {
		if strings.ContainsRune(cut, r) {
			return -1
		}
		return r
	}, strings.TrimSpace(s))
}

// isDigits reports whether s is non-empty and made only of ASCII digits.
func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// isUpperLetters reports whether s is non-empty and made only of A–Z.
func isUpperLetters(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}

// isUpperAlnum reports whether s is non-empty and made only of A–Z and 0–9.
func isUpperAlnum(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; (c < 'A' || c > 'Z') && (c < '0' || c > '9') {
			return false
		}
	}
	return true
}
