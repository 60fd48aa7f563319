package assets

import _ "embed"

// The dossier's typeface ships inside the binary because a partner's laptop
// in a port office may have no fonts with Cyrillic, Polish or € at all, and
// a PDF that silently drops "Łukasz" or "Иванов" is worse than none.
// DejaVu Sans covers Latin, Greek and Cyrillic and is free to embed
// (fonts/LICENSE).
var (
	//go:embed fonts/DejaVuSans.ttf
	sansRegular []byte
	//go:embed fonts/DejaVuSans-Bold.ttf
	sansBold []byte
)

// SansRegular returns the TrueType bytes of DejaVu Sans.
func SansRegular() []byte { return sansRegular }

// SansBold returns the TrueType bytes of DejaVu Sans Bold.
func SansBold() []byte { return sansBold }
