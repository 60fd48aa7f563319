package dossier

import (
	"context"
	"io"

	"bollard/app"
	"bollard/model"
)

// Workspace is what a dossier is rendered from: the workspace's own file,
// which nothing may be written over, the case, the officer who signs the
// dossier, and the attached photographs. *app.Workspace is one; the
// window's Dossier tab passes its narrow store.
type Workspace interface {
	Path() string
	CaseFile(ctx context.Context, ref string) (app.CaseFile, error)
	Officer(ctx context.Context) (model.Officer, error)
	OpenAttachment(sha256 string) (io.ReadCloser, error)
}

// Rendered is what RenderToFile wrote: the case as it is recorded (its
// ref as stored, whatever the officer typed) and how many pages.
type Rendered struct {
	Case  model.Case
	Pages int
}

// RenderToFile renders the dossier of the case ref in w to the file at
// path: the one use case behind `bollard dossier` and the window's Dossier
// tab, which only gather the choices in opt and say the result. It refuses
// a path CheckTarget refuses (an existing file only with replace set;
// never a folder or one of the workspace's own files), reads the case and
// the officer who signs it, prints the labels in the officer's language
// unless opt names one, opens photographs through w (which refuses a pipe
// or a link in a file's place), and writes the PDF whole or not at all
// (WriteFile). Errors wrap ErrExists, ErrWorkspace, ErrFolder or, for an
// unknown case, model.ErrNotFound, for the front ends to say their way.
func RenderToFile(ctx context.Context, w Workspace, ref, path string, replace bool, opt Options) (Rendered, error) {
	if err := CheckTarget(path, w.Path(), replace); err != nil {
		return Rendered{}, err
	}
	f, err := w.CaseFile(ctx, ref)
	if err != nil {
		return Rendered{}, err
	}
	if opt.Officer, err = w.Officer(ctx); err != nil {
		return Rendered{}, err
	}
	if opt.Language == "" {
		opt.Language = opt.Officer.Language
	}
	opt.Version = app.Version
	opt.Photo = func(sha256 string) (io.ReadCloser, error) { return w.OpenAttachment(sha256) }
	pages, err := WriteFile(ctx, path, f, opt)
	if err != nil {
		return Rendered{}, err
	}
	return Rendered{Case: f.Case, Pages: pages}, nil
}
