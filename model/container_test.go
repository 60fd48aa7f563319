package model

import (
	"errors"
	"fmt"
	"testing"
)

// validatorCase is one row of a validator table: in is typed by the officer;
// either want is the normalised value, or err is the exact message shown.
type validatorCase struct {
	name string
	in   string
	want string
	err  string
}

// checkValidatorCases runs each case as a subtest against a Normalize
// function. Every refusal must be a *FieldError naming field and quoting the
// value exactly as typed, since forms place and word the message from it.
func checkValidatorCases(t *testing.T, field string, normalize func(string) (string, error), cases []validatorCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := normalize(c.in)
			if c.err == "" {
				if err != nil {
					t.Fatalf("%q: unexpected error: %v", c.in, err)
				}
				if got != c.want {
					t.Fatalf("%q: got %q, want %q", c.in, got, c.want)
				}
				return
			}
			if err == nil {
				t.Fatalf("%q: accepted as %q, want error %q", c.in, got, c.err)
			}
			if err.Error() != c.err {
				t.Errorf("%q: error\n got: %s\nwant: %s", c.in, err, c.err)
			}
			var fe *FieldError
			if !errors.As(err, &fe) {
				t.Fatalf("%q: error is %T, want *FieldError", c.in, err)
			}
			if fe.Field != field || fe.Value != c.in {
				t.Errorf("%q: FieldError{Field: %q, Value: %q}, want field %q and the value as typed", c.in, fe.Field, fe.Value, field)
			}
			if got != "" {
				t.Errorf("%q: refused but returned %q, want empty", c.in, got)
			}
		})
	}
}

func TestNormalizeContainerNumber(t *testing.T) {
	checkValidatorCases(t, "container number", NormalizeContainerNumber, []validatorCase{
		{name: "valid", in: "MSCU1234566", want: "MSCU1234566"},
		{name: "textbook example", in: "CSQU3054383", want: "CSQU3054383"},
		{name: "check digit from remainder 10 is 0", in: "MSCU0000060", want: "MSCU0000060"},
		{name: "category J", in: "ABCJ0000010", want: "ABCJ0000010"},
		{name: "lower case", in: "mscu1234566", want: "MSCU1234566"},
		{name: "spaces and dash as on the door", in: "MSCU 123456-6", want: "MSCU1234566"},
		{name: "dots", in: "CSQU.305438.3", want: "CSQU3054383"},
		{name: "surrounding blanks", in: "  MSCU1234566\t", want: "MSCU1234566"},
		{name: "check digit wrong", in: "MSCU1234565",
			err: `container number "MSCU1234565": check digit should be 6`},
		{name: "check digit wrong as typed with spaces", in: "csqu 305438 4",
			err: `container number "csqu 305438 4": check digit should be 3`},
		{name: "check digit missing", in: "MSCU123456",
			err: `container number "MSCU123456": should be 11 characters: 4 letters then 7 digits`},
		{name: "too long", in: "MSCU12345666",
			err: `container number "MSCU12345666": should be 11 characters: 4 letters then 7 digits`},
		{name: "digit in owner code", in: "M5CU1234566",
			err: `container number "M5CU1234566": should be 11 characters: 4 letters then 7 digits`},
		{name: "letter O for zero in serial", in: "MSCU12345O6",
			err: `container number "MSCU12345O6": should be 11 characters: 4 letters then 7 digits`},
		{name: "unknown equipment category", in: "MSCX1234566",
			err: `container number "MSCX1234566": fourth letter should be U, J or Z (equipment category), not X`},
		{name: "empty", in: "", err: `container number: is empty`},
		{name: "only separators", in: " - ", err: `container number " - ": is empty`},
	})
}

func TestContainerCheckDigit(t *testing.T) {
	for _, c := range []struct {
		first10 string
		want    int
	}{
		{"MSCU123456", 6},
		{"CSQU305438", 3},
		{"mscu123456", 6},
		{"MSCU000006", 0}, // remainder 10 is written 0
		{"TGHU000000", 8}, // 31 + 17·2 + 18·4 + 32·8 = 393; 393 mod 11 = 8
	} {
		t.Run(c.first10, func(t *testing.T) {
			got, err := ContainerCheckDigit(c.first10)
			if err != nil {
				t.Fatal(err)
			}
			if got != c.want {
				t.Fatalf("got %d, want %d", got, c.want)
			}
		})
	}
	t.Run("generated numbers validate", func(t *testing.T) {
		for serial := 0; serial < 1000; serial += 37 {
			first10 := fmt.Sprintf("BOLU%06d", serial)
			d, err := ContainerCheckDigit(first10)
			if err != nil {
				t.Fatal(err)
			}
			full := fmt.Sprintf("%s%d", first10, d)
			if _, err := NormalizeContainerNumber(full); err != nil {
				t.Fatalf("%s: %v", full, err)
			}
		}
	})
	t.Run("wrong shape", func(t *testing.T) {
		_, err := ContainerCheckDigit("MSCU12345")
		want := `container number "MSCU12345": should be 10 characters: 4 letters then 6 digits`
		if err == nil || err.Error() != want {
			t.Fatalf("got %v, want %s", err, want)
		}
	})
	t.Run("wrong category", func(t *testing.T) {
		if _, err := ContainerCheckDigit("MSCA123456"); err == nil {
			t.Fatal("category A accepted")
		}
	})
}

func TestContainerLetterValues(t *testing.T) {
	// ISO 6346 table: the values skip 11, 22 and 33.
	want := map[byte]int{'A': 10, 'B': 12, 'K': 21, 'L': 23, 'U': 32, 'V': 34, 'Z': 38}
	for letter, v := range want {
		t.Run(string(letter), func(t *testing.T) {
			if got := containerLetterValue(letter); got != v {
				t.Fatalf("got %d, want %d", got, v)
			}
		})
	}
}
