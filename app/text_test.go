package app_test

import (
	"strings"
	"testing"

	"bollard/model"
)

// Text that came in by no import (a form, a command-line argument) is held
// to the same rule when it is stored: a NUL or invalid UTF-8 is refused,
// naming the field, and nothing is saved.
func TestStoreRefusesHostileText(t *testing.T) {
	w := mustOpen(t)
	c := mustCreateCase(t, w, "Bananas from Guayaquil")
	for _, tc := range []struct{ name, body, want string }{
		{"NUL", "seen at\x00 night", "body: holds a NUL byte"},
		{"invalid UTF-8", "Mu\xf1oz", "body: is not valid UTF-8"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := w.AddNote(ctx, model.Note{CaseID: c.ID, Body: tc.body})
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error %v, want %q", err, tc.want)
			}
			if f, _ := w.CaseFile(ctx, c.Ref); len(f.Notes) != 0 {
				t.Fatalf("%d notes saved", len(f.Notes))
			}
		})
	}
	if _, err := w.AddNote(ctx, model.Note{CaseID: c.ID, Body: "Escape sequences are text: \x1b[2J"}); err != nil {
		t.Fatal(err)
	}
}
