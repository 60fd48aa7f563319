package exchange

import (
	"context"
	"errors"
	"fmt"
	"os"

	"bollard/app"
)

// Exported says what ExportPackage wrote.
type Exported struct {
	Path      string   `json:"path"`
	Refs      []string `json:"refs"`
	Records   int      `json:"records"`
	Files     int      `json:"files"`
	Size      int64    `json:"size"` // the package file's size in bytes
	Encrypted bool     `json:"encrypted"`
}

// ExportPackage writes the cases with those refs, with every record and
// file that belongs to them, as a signed case package at path (encrypted
// when enc says so), and remembers the versions exported as the ancestors
// of the next merge with the partner.
func ExportPackage(ctx context.Context, w *app.Workspace, path string, enc Encryption, refs ...string) (Exported, error) {
	x, err := BuildContent(ctx, w, refs...)
	if err != nil {
		return Exported{}, err
	}
	data, err := x.Content.Marshal()
	if err != nil {
		return Exported{}, err
	}
	id, err := w.SigningIdentity(ctx)
	if err != nil {
		return Exported{}, err
	}
	// The manifest gives the workspace's age key, so that the partner who
	// trusts this signature encrypts what it sends back to it by default.
	age, err := w.AgeRecipient(ctx)
	if err != nil {
		return Exported{}, err
	}
	signer := Signer{Name: id.Name, Agency: id.Agency, Workspace: id.Workspace, Key: id.Key, AgeRecipient: age}
	parts := PackageParts{Content: data, CreatedAt: x.Content.ExportedAt}
	for _, f := range x.Files {
		parts.Files = append(parts.Files, PackageFile{SHA256: f.SHA256, Size: f.Size, Open: f.Open})
	}
	if err := CreatePackage(path, parts, signer, enc); err != nil {
		return Exported{}, err
	}
	if err := x.Remember(ctx, w); err != nil {
		return Exported{}, fmt.Errorf("the package was written, but the workspace could not remember what it exported: %w", err)
	}
	out := Exported{Path: path, Files: len(x.Files), Encrypted: !enc.IsZero()}
	for _, c := range x.Content.Cases {
		out.Refs = append(out.Refs, c.Ref)
	}
	out.Records = len(x.Content.Records())
	if st, err := os.Stat(path); err == nil {
		out.Size = st.Size()
	}
	return out, nil
}

// Imported says what ImportPackage did: who signed the package, and the
// merge's summary.
type Imported struct {
	app.MergeSummary
	Signer    ManifestSigner `json:"signer"`
	NewSigner bool           `json:"new_signer"` // the officer accepted an unknown signer
	Encrypted bool           `json:"encrypted"`
	// Package is the SHA-256 of the package file, which the audit trail
	// names the changes it brought by.
	Package string `json:"package"`
}

// ImportOptions are what importing a package may need.
type ImportOptions struct {
	// Identities are age secret keys tried besides the workspace's own.
	Identities []string
	// Passphrase opens a package encrypted to a passphrase.
	Passphrase string
	// Trust accepts a signer who is not a known partner yet (and
	// remembers it). Without it, Confirm is asked; without Confirm, the
	// package is refused with ErrUnknownSigner.
	Trust   bool
	Confirm func(ManifestSigner) bool
}

// ErrUnknownSigner says a package is signed by a key that is not a known
// partner's and the officer did not accept it.
var ErrUnknownSigner = errors.New("the package is signed by an unknown partner")

// ImportPackage opens the package at path (checking its signature and
// every hash), accepts its signer (a known partner, or one the officer
// accepts), and merges its content into the workspace in one transaction.
// A package refused for any reason leaves the workspace as it was.
func ImportPackage(ctx context.Context, w *app.Workspace, path string, opt ImportOptions) (Imported, error) {
	own, err := w.AgeIdentity(ctx)
	if err != nil {
		return Imported{}, err
	}
	// The package's files are unpacked (decrypted, when it is encrypted)
	// into the workspace's own temp folder: removed when this returns,
	// and by the next open if the program is killed first.
	temp := w.TempDir()
	if temp == "" {
		return Imported{}, errors.New("the workspace was opened read-only: a package cannot be imported into it")
	}
	open := OpenOptions{Identities: append([]string{own}, opt.Identities...),
		Passphrase: opt.Passphrase, TempDir: temp}
	// In an encrypted workspace they are sealed there with a key held only
	// in memory (see storage.TempSeal), so no plaintext reaches the disk.
	if seal := w.TempSeal(); seal != nil {
		open.Seal = seal
	}
	pkg, err := OpenPackage(path, open)
	if err != nil {
		return Imported{}, err
	}
	defer pkg.Close()
	signer := pkg.Manifest.Signer
	out := Imported{Signer: signer, Encrypted: pkg.Encrypted}
	partner, known, err := w.KnownPartner(ctx, signer.PublicKey)
	if err != nil {
		return out, err
	}
	if !known {
		if !opt.Trust && (opt.Confirm == nil || !opt.Confirm(signer)) {
			return out, fmt.Errorf("%w: %s (%s), key %s; accept it with --trust once you have checked the key with them",
				ErrUnknownSigner, signer.Name, signer.Agency, signer.PublicKey)
		}
		out.NewSigner = true
	}
	c, err := ReadContent(pkg.Content)
	if err != nil {
		return out, fmt.Errorf("%w: %v", ErrRefused, err)
	}
	if c.Workspace != signer.Workspace {
		return out, fmt.Errorf("%w: the content says it comes from workspace %s, the signature from %s", ErrRefused, c.Workspace, signer.Workspace)
	}
	if c.Workspace == w.ID() {
		return out, errors.New("this package was exported from this workspace: import it into a partner's workspace")
	}
	out.Package = pkg.SHA256
	out.MergeSummary, err = w.Merge(ctx, c.Bundle(), app.MergeOptions{FromKey: signer.PublicKey, File: pkg.File, From: signer.Provenance(pkg.SHA256)})
	if err != nil {
		return out, err
	}
	partner.PublicKey, partner.Name, partner.Agency, partner.WorkspaceID = signer.PublicKey, signer.Name, signer.Agency, signer.Workspace
	if signer.AgeRecipient != "" {
		// Checked, not trusted blindly: a key that does not parse would
		// make every later export to this agency fail.
		if _, err := ParseRecipient(signer.AgeRecipient); err == nil {
			partner.AgeRecipient = signer.AgeRecipient
		}
	}
	partner.LastSeenAt = w.Now().UTC()
	if partner.FirstSeenAt.IsZero() {
		partner.FirstSeenAt = partner.LastSeenAt
	}
	if err := w.RememberPartner(ctx, partner); err != nil {
		return out, fmt.Errorf("the package was imported, but its signer could not be remembered: %w", err)
	}
	return out, nil
}
