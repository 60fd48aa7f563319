package cli

import (
	"bytes"
	"encoding/binary"
	"unicode/utf16"
	"unicode/utf8"

	"bollard/storage/lockbox"
)

// passphraseText is the text of a passphrase file as the officer typed it,
// whatever the editor saved: Windows' Notepad and PowerShell's
// Set-Content -Encoding UTF8 put a byte-order mark in front, and Windows
// PowerShell's > and Out-File write UTF-16. Read as raw bytes, such a file
// would make a workspace that only that file opens, never the same words
// typed in the window or at a terminal. raw is forgotten; the caller
// forgets what is returned.
func passphraseText(raw []byte) []byte {
	defer lockbox.Forget(raw)
	switch {
	case bytes.HasPrefix(raw, []byte{0xEF, 0xBB, 0xBF}):
		return bytes.Clone(raw[3:])
	case bytes.HasPrefix(raw, []byte{0xFF, 0xFE}):
		return fromUTF16(raw[2:], binary.LittleEndian)
	case bytes.HasPrefix(raw, []byte{0xFE, 0xFF}):
		return fromUTF16(raw[2:], binary.BigEndian)
	}
	return bytes.Clone(raw)
}

// fromUTF16 turns UTF-16 text in the given byte order into UTF-8.
func fromUTF16(b []byte, order binary.ByteOrder) []byte {
	units := make([]uint16, len(b)/2)
	for i := range units {
		units[i] = order.Uint16(b[2*i:])
	}
	out := make([]byte, 0, len(units)*2)
	for _, r := range utf16.Decode(units) {
		out = utf8.AppendRune(out, r)
	}
	clear(units)
	return out
}
