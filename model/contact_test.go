package model

import "testing"

func TestNormalizeMMSI(t *testing.T) {
	checkValidatorCases(t, "MMSI", NormalizeMMSI, []validatorCase{
		{name: "nine digits", in: "244123456", want: "244123456"},
		{name: "spaces", in: "244 123 456", want: "244123456"},
		{name: "eight digits", in: "24412345",
			err: `MMSI "24412345": should be 9 digits`},
		{name: "ten digits", in: "2441234567",
			err: `MMSI "2441234567": should be 9 digits`},
		{name: "IMO typed instead", in: "IMO9074729",
			err: `MMSI "IMO9074729": should be 9 digits`},
		{name: "empty", in: "", err: `MMSI: is empty`},
	})
}

func TestNormalizePhone(t *testing.T) {
	checkValidatorCases(t, "phone number", NormalizePhone, []validatorCase{
		{name: "international with spaces", in: "+44 20 7946 0958", want: "+442079460958"},
		{name: "international with trunk zero in brackets", in: "+44 (0)20 7946-0958", want: "+442079460958"},
		{name: "national with dots", in: "020.7946.0958", want: "02079460958"},
		{name: "national with area code in brackets", in: "(020) 7946 0958", want: "02079460958"},
		{name: "dashes", in: "+32-3-229-01-01", want: "+3232290101"},
		{name: "international prefix 00 kept as typed", in: "0032 3 229 01 01", want: "003232290101"},
		{name: "fifteen digits", in: "+123456789012345", want: "+123456789012345"},
		{name: "seven digits", in: "1234567", want: "1234567"},
		{name: "six digits", in: "123456",
			err: `phone number "123456": should have 7 to 15 digits, not 6`},
		{name: "sixteen digits", in: "+1234567890123456",
			err: `phone number "+1234567890123456": should have 7 to 15 digits, not 16`},
		{name: "letters", in: "+44 20 GHOST 58",
			err: `phone number "+44 20 GHOST 58": should hold only digits, with an optional leading +`},
		{name: "plus inside", in: "44+2079460958",
			err: `phone number "44+2079460958": should hold only digits, with an optional leading +`},
		{name: "double plus", in: "++442079460958",
			err: `phone number "++442079460958": should hold only digits, with an optional leading +`},
		{name: "empty", in: " ", err: `phone number " ": is empty`},
	})
}

func TestNormalizeEmail(t *testing.T) {
	checkValidatorCases(t, "e-mail address", NormalizeEmail, []validatorCase{
		{name: "plain", in: "jan.peeters@douane.be", want: "jan.peeters@douane.be"},
		{name: "domain lower-cased, local part kept", in: "Jan.Peeters@Douane.BE", want: "Jan.Peeters@douane.be"},
		{name: "surrounding blanks", in: " ops@example.org ", want: "ops@example.org"},
		{name: "subdomain and plus", in: "a+tag@mail.example.co.uk", want: "a+tag@mail.example.co.uk"},
		{name: "no at", in: "jan.peeters.douane.be",
			err: `e-mail address "jan.peeters.douane.be": should contain exactly one @`},
		{name: "two ats", in: "jan@peeters@douane.be",
			err: `e-mail address "jan@peeters@douane.be": should contain exactly one @`},
		{name: "nothing before at", in: "@douane.be",
			err: `e-mail address "@douane.be": should have a name before the @`},
		{name: "domain without dot", in: "jan@douane",
			err: `e-mail address "jan@douane": should have a domain such as example.org after the @`},
		{name: "domain starting with dot", in: "jan@.be",
			err: `e-mail address "jan@.be": should have a domain such as example.org after the @`},
		{name: "domain with empty label", in: "jan@douane..be",
			err: `e-mail address "jan@douane..be": should have a domain such as example.org after the @`},
		{name: "space inside", in: "jan peeters@douane.be",
			err: `e-mail address "jan peeters@douane.be": should not contain spaces`},
		{name: "empty", in: "", err: `e-mail address: is empty`},
	})
}
