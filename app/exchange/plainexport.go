package exchange

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"bollard/app"
)

// ExportPlainPackage writes the cases with those refs as a signed package
// that is NOT encrypted, and writes to the audit trail that it went out in
// the clear, naming its SHA-256. Packages are encrypted by default; one
// readable by anyone is answered for, and one that cannot be answered for
// is not left behind: the file just written is removed, and the error
// says so.
func ExportPlainPackage(ctx context.Context, w *app.Workspace, path string, refs ...string) (Exported, error) {
	x, err := ExportPackage(ctx, w, path, Encryption{}, refs...)
	if err != nil {
		return x, err
	}
	sum, err := fileSHA256(x.Path)
	if err == nil {
		where := x.Path
		if abs, aerr := filepath.Abs(where); aerr == nil {
			where = abs
		}
		err = w.RecordPlainPackage(ctx, where, sum, x.Size, x.Refs)
	}
	if err != nil {
		if rerr := os.Remove(x.Path); rerr != nil {
			return x, fmt.Errorf("the unencrypted package %s was written but could not be written to the audit trail (%v), nor removed (%v): delete it", x.Path, err, rerr)
		}
		return x, fmt.Errorf("the unencrypted package could not be written to the audit trail, so %s was removed: %w", x.Path, err)
	}
	return x, nil
}

// fileSHA256 is the SHA-256 of the file at path, in hex.
func fileSHA256(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}
