package exchange

import "fmt"

// The limits a package is held to, written and read. A package is read from
// a stranger before anyone trusts it, so every size it declares is checked
// against these before anything is read, and every size it turns out to
// have is checked while it is read: a lying or hostile file is stopped at
// the first byte too many, not after it has filled the disk.
const (
	// maxEntries bounds the parts: a case with a hundred thousand
	// attachment files is already far past any real one.
	maxEntries = 100_000
	// maxDirectory bounds what is read of the zip's table of entries
	// before they can be counted: 100,000 entries named files/<sha256> take
	// about 13 MB; so many entries of no name would take 4.6.
	maxDirectory = 20 << 20
	// maxManifest bounds manifest.json (about 150 bytes a part).
	maxManifest = 32 << 20
	// maxSignature bounds manifest.sig (an ed25519 signature in base64 is 88).
	maxSignature = 1 << 10
	// maxContent bounds content.json: it is read into memory whole.
	maxContent = 64 << 20
	// maxFile bounds one attachment file.
	maxFile = 4 << 30
	// maxTotal bounds everything a package unpacks to.
	maxTotal = 64 << 30
	// maxRatio bounds how many bytes a part may unpack to per byte it takes
	// in the package. Case JSON compresses about 10:1, photos and PDFs not
	// at all; a zip bomb, hundreds to a thousand to one. The writer never
	// writes a part past it (it stores what would be).
	maxRatio = 200
	// ratioSlack is what any part may unpack to whatever its ratio: a small
	// file of blanks compresses far past maxRatio and harms nobody.
	ratioSlack = 1 << 20
)

// sizeText says a size in the unit a person would.
func sizeText(n int64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}
