package model

import "testing"

func TestNormalizeHSCode(t *testing.T) {
	checkValidatorCases(t, "HS code", NormalizeHSCode, []validatorCase{
		{name: "chapter", in: "24", want: "24"},
		{name: "heading", in: "2402", want: "2402"},
		{name: "subheading with dot", in: "2402.20", want: "240220"},
		{name: "CN code with dots", in: "2402.20.90", want: "24022090"},
		{name: "TARIC with spaces", in: "8703 23 19 90", want: "8703231990"},
		{name: "leading zero kept", in: "0306.17", want: "030617"},
		{name: "last HS chapter", in: "97", want: "97"},
		{name: "national chapter 98", in: "9801", want: "9801"},
		{name: "national chapter 99", in: "99", want: "99"},
		{name: "odd digit count", in: "870",
			err: `HS code "870": should have 2, 4, 6, 8 or 10 digits, not 3`},
		{name: "twelve digits", in: "870323199000",
			err: `HS code "870323199000": should have 2, 4, 6, 8 or 10 digits, not 12`},
		{name: "one digit", in: "8",
			err: `HS code "8": should have 2, 4, 6, 8 or 10 digits, not 1`},
		{name: "dash", in: "8703-23",
			err: `HS code "8703-23": should hold only digits (dots and spaces are allowed)`},
		{name: "letter", in: "87O3",
			err: `HS code "87O3": should hold only digits (dots and spaces are allowed)`},
		{name: "chapter 00", in: "0012",
			err: `HS code "0012": chapter 00 does not exist: chapters run from 01 to 97 (98 and 99 for national use)`},
		{name: "reserved chapter 77", in: "7701",
			err: `HS code "7701": chapter 77 is reserved and unused in the Harmonized System`},
		{name: "empty", in: " . ", err: `HS code " . ": is empty`},
	})
}
