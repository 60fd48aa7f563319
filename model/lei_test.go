package model

import "testing"

func TestNormalizeLEI(t *testing.T) {
	checkValidatorCases(t, "LEI", NormalizeLEI, []validatorCase{
		{name: "Bloomberg", in: "5493001KJTIIGC8Y1R12", want: "5493001KJTIIGC8Y1R12"},
		{name: "Deutsche Bank", in: "7LTWFZYICNSX8D621K86", want: "7LTWFZYICNSX8D621K86"},
		{name: "lower case", in: "5493001kjtiigc8y1r12", want: "5493001KJTIIGC8Y1R12"},
		{name: "spaces in groups of four", in: "5493 001K JTII GC8Y 1R12", want: "5493001KJTIIGC8Y1R12"},
		{name: "check digits wrong", in: "5493001KJTIIGC8Y1R13",
			err: `LEI "5493001KJTIIGC8Y1R13": check digits should be 12`},
		{name: "body mistyped", in: "7LTWFZYICNSX8D621K68",
			err: `LEI "7LTWFZYICNSX8D621K68": check digits should be 86`},
		{name: "nineteen characters", in: "5493001KJTIIGC8Y1R1",
			err: `LEI "5493001KJTIIGC8Y1R1": should be 20 characters: 18 letters or digits then 2 check digits`},
		{name: "letters as check digits", in: "5493001KJTIIGC8Y1RAB",
			err: `LEI "5493001KJTIIGC8Y1RAB": should be 20 characters: 18 letters or digits then 2 check digits`},
		{name: "punctuation", in: "5493001KJTIIGC8Y1R1!",
			err: `LEI "5493001KJTIIGC8Y1R1!": should be 20 characters: 18 letters or digits then 2 check digits`},
		{name: "empty", in: "", err: `LEI: is empty`},
	})
}
