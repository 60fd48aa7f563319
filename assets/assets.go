// Package assets embeds the files the program ships: the app icon, and in
// time the fonts and translations, so the binary needs nothing beside it.
package assets

import _ "embed"

//go:embed icon.png
var iconPNG []byte

// Icon returns the 512×512 PNG app icon. The UI wraps it in a
// fyne.StaticResource; this package stays free of Fyne so the headless
// front end can use it too.
func Icon() []byte {
	return iconPNG
}
