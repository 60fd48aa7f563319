package cli

import (
	"strings"
	"testing"
)

func TestTerminalEscapes(t *testing.T) {
	for _, tc := range []struct{ name, in, want string }{
		{"plain text and layout", "SZ-0001\tMuñoz Rojas — 12\" pipe\n", "SZ-0001\tMuñoz Rojas — 12\" pipe\n"},
		{"window title and clear screen", "\x1b]0;pwned\x07\x1b[2J", `\x1b]0;pwned\x07\x1b[2J`},
		{"carriage return rewrites the line", "ok\rBROKEN", `ok\x0dBROKEN`},
		{"8-bit CSI", "a\u009b2Jb", `a\u009b2Jb`},
		{"right-to-left override", "invoice\u202efdp.exe", `invoice\u202efdp.exe`},
		{"not UTF-8", "Mu\xf1oz", `Mu\xf1oz`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var b strings.Builder
			n, err := forTerminal(&b).Write([]byte(tc.in))
			if err != nil || n != len(tc.in) || b.String() != tc.want {
				t.Fatalf("wrote %q (%d, %v), want %q", b.String(), n, err, tc.want)
			}
		})
	}
}
