package model

import "strings"

// vinField is how the form and the error messages name the field.
const vinField = "VIN"

// vinWeights are the ISO 3779 / FMVSS 565 position weights; position 9, the
// check digit itself, weighs 0.
var vinWeights = [17]int{8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2}

// NormalizeVIN checks a vehicle identification number and returns it upper
// case without separators, "1M8GDM9AXKP042788".
//
// A VIN is 17 letters and digits; I, O and Q are never used because they are
// mistaken for 1 and 0, so their presence means a misread or a fake plate.
//
// The check digit in position 9 is enforced only where it is mandatory: VINs
// made for North America (first character 1 to 5) and China (L). Elsewhere,
// notably most European makers, position 9 is a free character, and
// enforcing the check would refuse genuine stolen-vehicle VINs.
func NormalizeVIN(s string) (string, error) {
	c := strings.ToUpper(stripSeparators(s, " -"))
	if c == "" {
		return "", Invalid(vinField, s, "is empty")
	}
	if err := checkVINShape(s, c); err != nil {
		return "", err
	}
	if vinHasCheckDigit(c) {
		want, _ := VINCheckDigit(c)
		if c[8] != want {
			return "", Invalid(vinField, s, "check digit (9th character) should be %c", want)
		}
	}
	return c, nil
}

// VINCheckDigit returns the check digit ('0' to '9', or 'X' for ten) that
// belongs in position 9 of a 17-character VIN; whatever stands there now is
// ignored. Generators use it to build valid North American VINs.
func VINCheckDigit(vin string) (byte, error) {
	c := strings.ToUpper(vin)
	if err := checkVINShape(vin, c); err != nil {
		return 0, err
	}
	sum := 0
	for i := 0; i < 17; i++ {
		sum += vinValue(c[i]) * vinWeights[i]
	}
	if r := sum % 11; r < 10 {
		return byte('0' + r), nil
	}
	return 'X', nil
}

// checkVINShape checks the 17 characters of the canonical c; typed is quoted
// in errors.
func checkVINShape(typed, c string) error {
	if strings.ContainsAny(c, "IOQ") {
		return Invalid(vinField, typed, "should not contain I, O or Q (they are read as 1 and 0)")
	}
	if !isUpperAlnum(c) {
		return Invalid(vinField, typed, "should hold only letters and digits")
	}
	if len(c) != 17 {
		return Invalid(vinField, typed, "should be 17 characters, not %d", len(c))
	}
	return nil
}

// vinHasCheckDigit reports whether the world manufacturer identifier places
// the VIN in a region where the check digit is mandatory.
func vinHasCheckDigit(c string) bool {
	return (c[0] >= '1' && c[0] <= '5') || c[0] == 'L'
}

// vinValue transliterates one VIN character: digits are themselves, letters
// follow the standard table (A=1 ... H=8, J=1 ... R=9, S=2 ... Z=9).
func vinValue(c byte) int {
	if c >= '0' && c <= '9' {
		return int(c - '0')
	}
	return int("12345678_12345_7_923456789"[c-'A'] - '0')
}
