package dossier

import (
	"fmt"
	"strings"

	"bollard/app"
)

// PhotosWithheld is what a dossier of f withholds of its attached files,
// "class n; class n", for the tests outside the package.
func PhotosWithheld(f app.CaseFile, redact bool) string {
	d := newDoc(f, Options{Redact: redact}, true)
	var parts []string
	for _, c := range d.photosWithheld() {
		parts = append(parts, fmt.Sprintf("%s %d", c.key, c.n))
	}
	return strings.Join(parts, "; ")
}
