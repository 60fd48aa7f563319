package ui

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"bollard/app"
	"bollard/app/exchange"
)

// exchangeActions are the case package buttons: Export… writes the case
// the view shows as a signed package for a partner agency (optionally
// encrypted to a passphrase), Import… merges a partner's package and shows
// what it did, and "Import seizures from a spreadsheet…" adds the rows of
// an officer's CSV file to the case shown. The case view or the home
// screen hosts them.
type exchangeActions struct {
	ws      *app.Workspace
	win     fyne.Window
	bg      *background
	caseRef func() string // the case to export; "" hides nothing but asks for one
	// onImported is called after a package was merged (to refresh lists),
	// and after seizures were imported from a spreadsheet, with a zero
	// summary: no package was merged, but the case has changed.
	onImported func(exchange.Imported)

	export  *widget.Button
	imp     *widget.Button
	sheet   *sheetImport
	status  *widget.Label
	content fyne.CanvasObject
}

// newExchangeActions builds the Export…, Import… and spreadsheet buttons.
func newExchangeActions(win fyne.Window, bg *background, ws *app.Workspace, caseRef func() string, onImported func(exchange.Imported)) *exchangeActions {
	a := &exchangeActions{ws: ws, win: win, bg: bg, caseRef: caseRef, onImported: onImported}
	a.export = widget.NewButton("Export case package…", a.onExport)
	a.imp = widget.NewButton("Import case package…", a.onImport)
	a.sheet = newSheetImport(win, bg, ws, caseRef, func(exchange.SheetImport) {
		if a.onImported != nil {
			a.onImported(exchange.Imported{})
		}
	})
	a.status = &widget.Label{Wrapping: fyne.TextWrapWord}
	a.content = container.NewVBox(container.NewHBox(a.export, a.imp, a.sheet.button), a.status)
	return a
}

// onExport asks whether to encrypt, then where to save the package.
func (a *exchangeActions) onExport() {
	ref := a.caseRef()
	if ref == "" {
		dialog.ShowInformation("No case selected", "Select a case in the list first.", a.win)
		return
	}
	pass := widget.NewPasswordEntry()
	pass.SetPlaceHolder("Leave empty for a signed package that is not encrypted")
	items := []*widget.FormItem{widget.NewFormItem("Passphrase", pass)}
	dialog.ShowForm("Export "+ref, "Choose the file…", "Cancel", items, func(ok bool) {
		if !ok {
			return
		}
		if p := pass.Text; p != "" && len([]rune(p)) < exchange.MinPassphraseLength {
			showError(a.win, "export the case", fmt.Errorf("the passphrase should have at least %d characters", exchange.MinPassphraseLength))
			return
		}
		askSavePath(a.win, "Export "+ref, ref+".bollard", a.ws.Path(),
			func(path string) { a.exportTo(ref, path, exchange.Encryption{Passphrase: pass.Text}) })
	}, a.win)
}

func (a *exchangeActions) exportTo(ref, path string, enc exchange.Encryption) {
	a.status.SetText("Writing the package…")
	inBackground(a.bg, func(ctx context.Context) (exchange.Exported, error) {
		return exchange.ExportPackage(ctx, a.ws, path, enc, ref)
	}, func(x exchange.Exported, err error) {
		if err != nil {
			a.status.SetText("")
			showError(a.win, "export the case", err)
			return
		}
		a.status.SetText(fmt.Sprintf("Saved %s: %d records, %d files, %s.", x.Path, x.Records, x.Files, sizeLabel(x.Size)))
	})
}

// onImport asks for the package file.
func (a *exchangeActions) onImport() {
	open := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			if err != nil {
				showError(a.win, "import the package", err)
			}
			return
		}
		path := r.URI().Path()
		r.Close()
		a.importFrom(path)
	}, a.win)
	open.Resize(fyne.NewSize(900, 600))
	open.Show()
}

// importFrom asks for a passphrase when the package needs one, then merges
// it, asking the officer about a signer who is not a known partner yet.
func (a *exchangeActions) importFrom(path string) {
	sealing, err := exchange.PackageEncryption(path)
	if err != nil {
		showError(a.win, "import the package", err)
		return
	}
	if sealing != exchange.EncryptedToPassphrase {
		a.merge(path, "")
		return
	}
	pass := widget.NewPasswordEntry()
	dialog.ShowForm("The package is encrypted", "Open", "Cancel",
		[]*widget.FormItem{widget.NewFormItem("Passphrase", pass)}, func(ok bool) {
			if ok {
				a.merge(path, pass.Text)
			}
		}, a.win)
}

func (a *exchangeActions) merge(path, passphrase string) {
	a.status.SetText("Checking and merging the package…")
	opt := exchange.ImportOptions{Passphrase: passphrase, Confirm: a.confirmSigner}
	inBackground(a.bg, func(ctx context.Context) (exchange.Imported, error) {
		return exchange.ImportPackage(ctx, a.ws, path, opt)
	}, func(sum exchange.Imported, err error) {
		a.status.SetText("")
		switch {
		case errors.Is(err, exchange.ErrUnknownSigner):
			a.status.SetText("Not imported: the signer was not accepted.")
			return
		case err != nil:
			showError(a.win, "import the package", err)
			return
		}
		a.status.SetText(importSummary(sum))
		dialog.ShowInformation("Package imported", importSummary(sum), a.win)
		if a.onImported != nil {
			a.onImported(sum)
		}
	})
}

// confirmSigner asks the officer, from the background work, whether to
// accept a package signed by a key that is not a known partner's, and
// waits for the answer.
func (a *exchangeActions) confirmSigner(s exchange.ManifestSigner) bool {
	answer := make(chan bool, 1)
	fyne.Do(func() {
		msg := fmt.Sprintf("This package is signed by %s (%s), who is not a known partner yet.\n\nKey: %s\n\n"+
			"Accept it only if the key is the one they gave you. Accepted partners are remembered.", s.Name, s.Agency, s.PublicKey)
		dialog.ShowConfirm("Unknown signer", msg, func(ok bool) { answer <- ok }, a.win)
	})
	return <-answer
}

// importSummary is what an import did, in one paragraph.
func importSummary(sum exchange.Imported) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s, signed by %s (%s): %d added, %d updated, %d unchanged, %d conflicts; %d files.",
		strings.Join(sum.Refs, ", "), sum.Signer.Name, sum.Signer.Agency, sum.Added, sum.Updated, sum.Unchanged, sum.Conflicts, sum.Files)
	if sum.Conflicts > 0 {
		b.WriteString(" Each conflict keeps your version until you choose in Conflicts.")
	}
	for _, r := range sum.Renumbered {
		b.WriteString(" Renumbered " + r + ".")
	}
	return b.String()
}

func sizeLabel(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}
