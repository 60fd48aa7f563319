package disk

// InUseError says a file is open in another program that shares it with
// nobody (Excel with a spreadsheet, a PDF reader with a dossier, another
// Bollard with the workspace): Windows refuses to read, replace or remove
// it until that program lets go. It says so in one line that names the
// file and what to do; the system's own error stays underneath.
type InUseError struct {
	Path string
	Err  error
}

func (e *InUseError) Error() string {
	return e.Path + " is open in another program: close it there and try again"
}

func (e *InUseError) Unwrap() error { return e.Err }

// InUse returns an *InUseError naming path when err says the file is open
// in another program, and err itself otherwise (nil stays nil). Callers
// pass the error they would have returned, context and all.
func InUse(path string, err error) error {
	if err == nil || !heldElsewhere(err) {
		return err
	}
	return &InUseError{Path: path, Err: err}
}
