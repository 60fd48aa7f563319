package dossier

// withheldClass is one class of what a redacted dossier left out ("persons",
// "document numbers", "photographs of persons"), counted: the closing "What
// was withheld" page lists the classes and their counts, never the values.
type withheldClass struct {
	key string // its label in labels
	n   int
}

// withheldCounts is what this dossier withheld, by class, in the order the
// closing page lists them: what the text withheld, then the files.
func (d *doc) withheldCounts() []withheldClass {
	return append(d.red.withheldCounts(), d.photosWithheld()...)
}
