package ui

import (
	"context"
	"errors"
	"fmt"
	"image/color"
	"path/filepath"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"bollard/app"
	"bollard/model"
)

// auditStore is what the audit status line needs of a workspace: the
// head of its trail, a checkpoint of it, and its file, which no exported
// checkpoint may be saved over.
type auditStore interface {
	Path() string
	AuditHead(ctx context.Context) (model.AuditEntry, error)
	Checkpoint(ctx context.Context) (model.Checkpoint, error)
}

// integrityCheck is the check of the audit trail, the records and every
// attached file that runs in the background when a workspace opens. It
// outlives the home screens that show it: going to the demo and back does
// not check the workspace again.
type integrityCheck struct {
	done   bool
	at     time.Time // when it finished, for the line to say
	result app.Verification
	err    error
	stale  bool // another program saved while it ran: check again after it
}

// auditStatus is the line along the bottom of the home screen: where the
// audit trail stands (the number and hash a checkpoint records), what the
// integrity check found, and the way to export a checkpoint. When the
// check finds a problem, a red banner across the top says so too.
type auditStatus struct {
	store auditStore
	win   fyne.Window
	bg    *background

	head      *widget.Label
	integrity *widget.Label
	export    *widget.Button
	row       *fyne.Container // the line's contents, which the window adds its Lock button to
	bar       fyne.CanvasObject

	bannerText *canvas.Text
	problems   []string
	banner     *fyne.Container // hidden unless the check found a problem
}

func newAuditStatus(store auditStore, win fyne.Window, bg *background) *auditStatus {
	s := &auditStatus{store: store, win: win, bg: bg}
	s.head = widget.NewLabel("Audit trail: reading…")
	s.integrity = widget.NewLabel("")
	s.export = widget.NewButtonWithIcon("Export checkpoint…", theme.DocumentSaveIcon(), s.onExport)
	s.row = container.NewHBox(
		widget.NewIcon(theme.VisibilityIcon()), s.head, widget.NewSeparator(), s.integrity, layout.NewSpacer(), s.export)
	s.bar = container.NewVBox(widget.NewSeparator(), s.row)

	s.bannerText = canvas.NewText("", color.White)
	s.bannerText.TextStyle = fyne.TextStyle{Bold: true}
	details := widget.NewButtonWithIcon("Details", theme.ListIcon(), s.onDetails)
	red := canvas.NewRectangle(theme.Color(theme.ColorNameError))
	s.banner = container.NewStack(red, container.NewPadded(container.NewHBox(
		widget.NewIcon(theme.NewInvertedThemedResource(theme.ErrorIcon())), container.NewCenter(s.bannerText), layout.NewSpacer(), details)))
	s.banner.Hide()
	return s
}

// addAction puts a button at the end of the line.
func (s *auditStatus) addAction(b fyne.CanvasObject) {
	s.row.Add(b)
}

// refresh reads the audit trail's head again: after every change.
func (s *auditStatus) refresh() {
	inBackground(s.bg, func(ctx context.Context) (model.AuditEntry, error) {
		return s.store.AuditHead(ctx)
	}, func(e model.AuditEntry, err error) {
		if err != nil {
			s.head.SetText("Audit trail: could not be read")
			logError("read the audit trail's head", err)
			return
		}
		s.head.SetText(headText(e))
	})
}

// headText is "Audit trail: entry 3,001 · 530218646d52…".
func headText(e model.AuditEntry) string {
	if e.Seq == 0 {
		return "Audit trail: no entries yet"
	}
	return fmt.Sprintf("Audit trail: entry %s · %s…", thousands(e.Seq), shortHash(e.Hash))
}

func shortHash(h string) string {
	if len(h) > 12 {
		return h[:12]
	}
	return h
}

// showIntegrity shows what the check at opening found so far.
func (s *auditStatus) showIntegrity(c *integrityCheck) {
	s.problems = nil
	s.banner.Hide()
	s.integrity.Importance = widget.MediumImportance
	switch {
	case c == nil:
		s.integrity.SetText("")
		return
	case !c.done:
		s.integrity.SetText("Checking integrity…")
		return
	case c.err != nil:
		s.integrity.Importance = widget.WarningImportance
		s.integrity.SetText("The integrity check could not run")
		if errors.Is(c.err, context.Canceled) {
			s.integrity.SetText("Integrity check stopped")
		}
		logError("check the workspace's integrity", c.err)
		return
	case c.result.OK():
		s.integrity.Importance = widget.SuccessImportance
		s.integrity.SetText(fmt.Sprintf("Integrity checked at %s: %s, %s intact", c.at.Local().Format("15:04:05"),
			pluralN(c.result.Entries, "entry"), pluralN(int64(c.result.Files), "file")))
		return
	}
	s.problems = c.result.Problems
	n := pluralN(int64(len(s.problems)), "problem")
	s.integrity.Importance = widget.DangerImportance
	s.integrity.SetText("Integrity check: " + n + " found")
	s.bannerText.Text = "Integrity check: " + n + " found in this workspace — records or files were changed outside Bollard, or damaged."
	s.bannerText.Refresh()
	s.banner.Show()
}

// pluralN is plural with thousands separators: "3,001 entries".
func pluralN(n int64, noun string) string {
	s := plural(int(n), noun)
	return thousands(n) + s[strings.IndexByte(s, ' '):]
}

// onDetails lists every problem the check found, selectable so that it
// can be copied into a report.
func (s *auditStatus) onDetails() {
	text := &widget.Label{Text: "• " + strings.Join(s.problems, "\n• "), Wrapping: fyne.TextWrapWord, Selectable: true}
	intro := &widget.Label{Wrapping: fyne.TextWrapWord, Text: "The check run when this workspace opened found what follows. " +
		"Do not change anything more; keep the workspace as it is and report it to whoever supports Bollard in your agency. " +
		"The command bollard verify runs the same check."}
	content := container.NewBorder(intro, nil, nil, nil, container.NewVScroll(text))
	d := dialog.NewCustom("Integrity check: "+pluralN(int64(len(s.problems)), "problem"), "Close",
		withMinSize(content, fyne.NewSize(900, 480)), s.win)
	d.Show()
}

// onExport asks where to save a signed checkpoint of the audit trail.
func (s *auditStatus) onExport() {
	askSavePath(s.win, "Export a checkpoint", "bollard-checkpoint.json", s.store.Path(), s.exportTo)
}

// exportTo signs a checkpoint and writes it to path.
func (s *auditStatus) exportTo(path string) {
	inBackground(s.bg, func(ctx context.Context) (model.Checkpoint, error) {
		cp, err := s.store.Checkpoint(ctx)
		if err != nil {
			return cp, err
		}
		return cp, app.WriteCheckpoint(path, cp)
	}, func(cp model.Checkpoint, err error) {
		if err != nil {
			showError(s.win, "export the checkpoint", err)
			return
		}
		dialog.ShowInformation("Checkpoint saved", fmt.Sprintf(
			"The checkpoint of audit entry %s is saved as %s.\n\n"+
				"Keep it off this laptop now: copy it to a USB stick kept apart, or send it to your supervisor.\n"+
				"Checked against it later (bollard verify --checkpoint %s), it shows\n"+
				"whether any entry of the audit trail was removed or rewritten after today.",
			thousands(cp.Seq), path, filepath.Base(path)), s.win)
	})
}

// thousands writes n with commas: 3,001.
func thousands(n int64) string {
	s := fmt.Sprint(n)
	if n < 0 {
		return "-" + thousands(-n)
	}
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	return b.String()
}
