package storage

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"

	"bollard/storage/disk"
)

// Encrypting a workspace seals every file of its plaintext attachment
// folder into a new folder, one file at a time: each is hashed as it
// streams, so a file whose contents no longer match its name is found
// before anything is removed, and each sealed file is read back, opened
// and hashed again before it is given its name. Evidence is never changed
// or dropped on the way: a file that does not match, or anything in the
// folder that is not a file Bollard stored, stops the whole conversion.

// UnsealableError names what in a plaintext attachment folder cannot be
// sealed as it is.
type UnsealableError struct {
	Path string
	What string
}

func (e *UnsealableError) Error() string {
	return fmt.Sprintf("%s: %s; nothing was changed: the workspace stays unencrypted (run verify to see what is wrong with the attachment files, and move what does not belong out of the folder)", e.Path, e.What)
}

// PlainBlobFiles lists the attachment files of the plaintext folder dir
// (by path, with their size), refusing anything there that is not the
// folder's marker, its temp folder, or a file named by its hash in the
// folder its hash begins with. A missing folder has none.
func PlainBlobFiles(dir string) (files []string, total int64, err error) {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, os.ErrNotExist) {
		return nil, 0, nil
	} else if err != nil {
		return nil, 0, fmt.Errorf("storage: read the attachment folder: %w", err)
	}
	for _, e := range entries {
		p := filepath.Join(dir, e.Name())
		switch {
		case e.Name() == markerName && e.Type().IsRegular():
			continue
		case e.Name() == tempFolder && e.IsDir():
			continue
		case !e.IsDir() || len(e.Name()) != 2:
			return nil, 0, &UnsealableError{p, "not an attachment file Bollard stored"}
		}
		subs, err := os.ReadDir(p)
		if err != nil {
			return nil, 0, fmt.Errorf("storage: read the attachment folder: %w", err)
		}
		for _, s := range subs {
			fp := filepath.Join(p, s.Name())
			if !s.Type().IsRegular() || !validHash(s.Name()) || s.Name()[:2] != e.Name() {
				return nil, 0, &UnsealableError{fp, "not an attachment file Bollard stored"}
			}
			info, err := s.Info()
			if err != nil {
				return nil, 0, fmt.Errorf("storage: read the attachment folder: %w", err)
			}
			files = append(files, fp)
			total += info.Size()
		}
	}
	sort.Strings(files)
	return files, total, nil
}

// SealBlobFolder seals the plaintext attachment files (PlainBlobFiles of
// src) into the new folder dst with the attachment key, marked with the
// workspace's ID, files 0400 and folders 0700, everything synced. done is
// told the plaintext bytes sealed so far. dst must not exist.
func SealBlobFolder(src, dst, id string, files []string, key []byte, done func(n int64)) error {
	if err := os.Mkdir(dst, dirMode); err != nil {
		return fmt.Errorf("storage: make the encrypted attachment folder: %w", err)
	}
	if err := writeMarker(dst, id); err != nil {
		return err
	}
	synced := map[string]bool{}
	for _, p := range files {
		sha := filepath.Base(p)
		sub := filepath.Join(dst, sha[:2])
		if err := os.MkdirAll(sub, dirMode); err != nil {
			return fmt.Errorf("storage: make the encrypted attachment folder: %w", err)
		}
		if err := sealOne(p, filepath.Join(sub, sha), key, done); err != nil {
			return err
		}
		EncryptStep("sealed a file")
		synced[sub] = true
	}
	for sub := range synced {
		if err := disk.SyncFolder(sub); err != nil {
			return err
		}
	}
	return disk.SyncFolder(dst)
}

// sealOne seals the plaintext file src into dst, checking its hash on the
// way in and again, through the sealed file, on the way back.
func sealOne(src, dst string, key []byte, done func(int64)) error {
	want := filepath.Base(src)
	in, err := os.Open(src)
	if err != nil {
		return fmt.Errorf("storage: read attachment file %s: %w", src, err)
	}
	defer in.Close()
	tmp := dst + ".sealing"
	out, err := os.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600)
	if err != nil {
		return fmt.Errorf("storage: seal attachment file %s: %w", want, err)
	}
	defer os.Remove(tmp)
	h := sha256.New()
	seal, err := SealAttachment(out, key)
	if err == nil {
		_, err = io.CopyBuffer(io.MultiWriter(seal, h, progressWriter(done)), in, make([]byte, copyChunk))
	}
	if err == nil {
		err = seal.Close()
	}
	if err == nil {
		err = out.Chmod(blobMode)
	}
	if err == nil {
		err = out.Sync()
	}
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("storage: seal attachment file %s: %w", want, err)
	}
	if got := hex.EncodeToString(h.Sum(nil)); got != want {
		return &UnsealableError{src, "its contents hash to " + got + ", not to its name: the file was changed or damaged"}
	}
	// Read back and closed before the rename: Windows will not rename a
	// file that is still open (Go opens files without delete-sharing).
	got, err := sealedHash(tmp, key)
	if err != nil {
		return fmt.Errorf("storage: read back sealed attachment file %s: %w", want, err)
	}
	if got != want {
		return fmt.Errorf("storage: sealed attachment file %s reads back as %s", want, got)
	}
	if err := os.Rename(tmp, dst); err != nil {
		return fmt.Errorf("storage: seal attachment file %s: %w", want, err)
	}
	return nil
}

// sealedHash is the SHA-256, in hex, of what the sealed file at path
// opens to under key.
func sealedHash(path string, key []byte) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	r, err := OpenSealedAttachment(f, key)
	if err != nil {
		return "", err
	}
	h := sha256.New()
	if _, err := io.CopyBuffer(h, r, make([]byte, copyChunk)); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

type progressWriter func(int64)

func (p progressWriter) Write(b []byte) (int, error) {
	if p != nil {
		p(int64(len(b)))
	}
	return len(b), nil
}
