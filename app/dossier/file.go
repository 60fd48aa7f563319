package dossier

import (
	"context"
	"os"
	"path/filepath"

	"bollard/app"
)

// WriteFile writes the dossier to the file at path. It writes a temporary
// file beside it and renames it into place, so that a failed or cancelled
// export leaves the previous file, or none, never half a PDF a partner
// might be sent.
func WriteFile(ctx context.Context, path string, f app.CaseFile, opt Options) (pages int, err error) {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return 0, err
	}
	defer os.Remove(tmp.Name()) // gone after the rename; left over only after a failure
	pages, err = Write(ctx, tmp, f, opt)
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(tmp.Name(), 0o644)
	}
	if err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	return pages, err
}
