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

// onExport finds whom the case's package is encrypted to, then asks.
func (a *exchangeActions) onExport() {
	ref := a.caseRef()
	if ref == "" {
		dialog.ShowInformation("No case selected", "Select a case in the list first.", a.win)
		return
	}
	inBackground(a.bg, func(ctx context.Context) (exchange.CaseRecipients, error) {
		return exchange.RecipientsOf(ctx, a.ws, ref)
	}, func(known exchange.CaseRecipients, err error) {
		if err != nil {
			showError(a.win, "export the case", err)
			return
		}
		a.askEncryption(ref, known)
	})
}

// askEncryption shows whom the package is encrypted to by default (the
// known partners of the case's agencies), and offers a passphrase instead
// or, ticked on purpose and audited, no encryption; then where to save it.
func (a *exchangeActions) askEncryption(ref string, known exchange.CaseRecipients) {
	to := &widget.Label{Wrapping: fyne.TextWrapWord, Text: recipientsText(known)}
	pass := widget.NewPasswordEntry()
	if len(known.Keys) > 0 {
		pass.SetPlaceHolder("Optional: instead of the partners' keys")
	} else {
		pass.SetPlaceHolder(fmt.Sprintf("At least %d characters", exchange.MinPassphraseLength))
	}
	plain := widget.NewCheck("Send it NOT encrypted (written to the audit trail)", func(on bool) {
		if on {
			pass.SetText("")
			pass.Disable()
		} else {
			pass.Enable()
		}
	})
	items := []*widget.FormItem{
		widget.NewFormItem("Encrypted to", to),
		widget.NewFormItem("Passphrase", pass),
		widget.NewFormItem("", plain),
	}
	form := dialog.NewForm("Export "+ref, "Choose the file…", "Cancel", items, func(ok bool) {
		if !ok {
			return
		}
		enc, err := packageEncryption(known, pass.Text, plain.Checked)
		if err != nil {
			showError(a.win, "export the case", err)
			return
		}
		askSavePath(a.win, "Export "+ref, ref+".bollard", a.ws.Path(),
			func(path string) { a.exportTo(ref, path, enc, plain.Checked) })
	}, a.win)
	form.Resize(fyne.NewSize(560, 0))
	form.Show()
}

// recipientsText names the partners a package goes to by default, or
// says why there are none.
func recipientsText(known exchange.CaseRecipients) string {
	if len(known.Partners) == 0 {
		agencies := "the case names no agency"
		if len(known.Agencies) > 0 {
			agencies = strings.Join(known.Agencies, ", ")
		}
		return "Nobody yet: no partner of " + agencies + " has sent a signed package with its key. " +
			"Give a passphrase and tell it to the partner by another channel."
	}
	names := make([]string, len(known.Partners))
	for i, p := range known.Partners {
		names[i] = p.Name + " (" + p.Agency + ")"
	}
	return strings.Join(names, ", ")
}

// packageEncryption is what the officer chose: the passphrase when one is
// given, else the partners' keys; plain only when ticked.
func packageEncryption(known exchange.CaseRecipients, passphrase string, plain bool) (exchange.Encryption, error) {
	switch {
	case plain:
		return exchange.Encryption{}, nil
	case passphrase != "":
		if len([]rune(passphrase)) < exchange.MinPassphraseLength {
			return exchange.Encryption{}, fmt.Errorf("the passphrase should have at least %d characters", exchange.MinPassphraseLength)
		}
		return exchange.Encryption{Passphrase: passphrase}, nil
	case len(known.Keys) > 0:
		return exchange.Encryption{Recipients: known.Keys}, nil
	}
	return exchange.Encryption{}, errors.New("no partner's key is known to encrypt the package to: give a passphrase, or tick that it goes NOT encrypted")
}

// exportTo writes the package; plain ones through the audit trail.
func (a *exchangeActions) exportTo(ref, path string, enc exchange.Encryption, plain bool) {
	a.status.SetText("Writing the package…")
	inBackground(a.bg, func(ctx context.Context) (exchange.Exported, error) {
		if plain {
			return exchange.ExportPlainPackage(ctx, a.ws, path, ref)
		}
		return exchange.ExportPackage(ctx, a.ws, path, enc, ref)
	}, func(x exchange.Exported, err error) {
		if err != nil {
			a.status.SetText("")
			showError(a.win, "export the case", err)
			return
		}
		how := "encrypted"
		if !x.Encrypted {
			how = "NOT encrypted, written to the audit trail"
		}
		a.status.SetText(fmt.Sprintf("Saved %s (%s): %d records, %d files, %s.", x.Path, how, x.Records, x.Files, sizeLabel(x.Size)))
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
