package model

import (
	"strings"
	"testing"
)

func TestCheckText(t *testing.T) {
	for _, tc := range []struct {
		name, value, want string
	}{
		{"plain", "Muñoz Rojas — 12\" pipe\tnote\nline two", ""},
		{"escape sequences are text", "\x1b]0;pwned\x07\x1b[2J", ""},
		{"NUL", "MSCU\x001234566", "holds a NUL byte (at byte 5)"},
		{"invalid UTF-8", "Mu\xf1oz", "not valid UTF-8 text (at byte 3)"},
		{"a surrogate written as UTF-8", "a\xed\xa0\x80b", "not valid UTF-8 text (at byte 2)"},
		{"cut in the middle of a character", "Muñ"[:3], "not valid UTF-8 text (at byte 3)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := CheckText("notes", tc.value)
			switch {
			case tc.want == "" && err != nil:
				t.Fatalf("refused: %v", err)
			case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want) || !strings.HasPrefix(err.Error(), "notes: ")):
				t.Fatalf("error %v, want it to name the field and say %q", err, tc.want)
			}
		})
	}
}

func TestCheckRecordText(t *testing.T) {
	good := Entity{Kind: KindPerson, Name: "Juan Carlos Muñoz Rojas", Aliases: []string{"El Gallego"}}
	if err := CheckRecordText(&good); err != nil {
		t.Fatalf("a clean record is refused: %v", err)
	}
	for _, tc := range []struct {
		name  string
		spoil func(e *Entity)
		want  string
	}{
		{"a field", func(e *Entity) { e.Name = "Juan\x00" }, "name: holds a NUL byte"},
		{"a list", func(e *Entity) { e.Aliases = append(e.Aliases, "Mu\xf1oz") }, "aliases[1]: is not valid UTF-8"},
		{"the record's history", func(e *Entity) { e.CreatedBy.Name = "M. Torres\x00" }, "created_by.name: holds a NUL byte"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := good
			e.Aliases = append([]string(nil), good.Aliases...)
			tc.spoil(&e)
			if err := CheckRecordText(e); err == nil || !strings.HasPrefix(err.Error(), tc.want) {
				t.Fatalf("error %v, want %q", err, tc.want)
			}
		})
	}
}
