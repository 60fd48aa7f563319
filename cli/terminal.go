package cli

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// forTerminal wraps the writer a command prints text for a person through.
// Imported records are a stranger's text: an ANSI escape sequence in a
// seizure's notes (clear the screen, rename the window, rewrite the line
// above) must show as what it is, not act on the officer's terminal. Every
// command that prints records for reading (case list and show, search,
// audit, conflicts, verify) writes through it; --json output needs no help,
// as encoding/json escapes every control character.
func forTerminal(w io.Writer) io.Writer { return terminalWriter{w} }

type terminalWriter struct{ w io.Writer }

func (t terminalWriter) Write(p []byte) (int, error) {
	s := string(p)
	if !needsEscape(s) {
		return t.w.Write(p)
	}
	if _, err := io.WriteString(t.w, escapeControls(s)); err != nil {
		return 0, err
	}
	return len(p), nil
}

// needsEscape reports whether s holds anything escapeControls changes.
func needsEscape(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; (c < 0x20 && c != '\n' && c != '\t') || c >= 0x7f {
			return strings.IndexFunc(s, escaped) >= 0 || !utf8.ValidString(s)
		}
	}
	return false
}

// escaped reports whether r is printed as an escape: C0 and C1 control
// characters (but the line break and tab the output is laid out with), DEL,
// and the marks that reverse the direction of text, which can make a line
// read as other than it is.
func escaped(r rune) bool {
	switch {
	case r == '\n' || r == '\t':
		return false
	case r < 0x20, r >= 0x7f && r < 0xa0:
		return true
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069, r == 0x200e || r == 0x200f:
		return true
	}
	return false
}

// escapeControls writes each escaped character as Go would in a string
// literal: ESC as \x1b, BEL as \x07, U+202E as \u202e; bytes that are not
// UTF-8 as \xff.
func escapeControls(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case escaped(r) && r < 0x80:
			fmt.Fprintf(&b, `\x%02x`, r)
		case escaped(r):
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}
