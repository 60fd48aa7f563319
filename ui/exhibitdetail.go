package ui

import (
	"context"
	"fmt"
	"image"
	_ "image/gif" // thumbnails of the photos officers attach
	_ "image/jpeg"
	_ "image/png"
	"io"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"bollard/app"
	"bollard/model"
)

// exhibitDetail is everything recorded of one exhibit, as defence counsel
// would ask for it: what it is and where it came from, each file with its
// full SHA-256 (selectable, to be copied and checked), and the chain of
// custody from the first event to the last.
type exhibitDetail struct {
	tab         *evidenceTab
	placeholder *widget.Label
	body        *fyne.Container
	scroll      *container.Scroll
	content     fyne.CanvasObject

	shown   app.Exhibit                // for tests
	reviews map[string]*reviewControls // each file's review, by attachment ID
}

func newExhibitDetail(tab *evidenceTab) *exhibitDetail {
	d := &exhibitDetail{tab: tab}
	d.placeholder = &widget.Label{Text: "Select an exhibit to see its files\nand its chain of custody.", Alignment: fyne.TextAlignCenter}
	d.body = container.NewVBox()
	d.scroll = container.NewVScroll(d.body)
	d.scroll.Hide()
	d.content = container.NewStack(container.NewCenter(d.placeholder), d.scroll)
	return d
}

func (d *exhibitDetail) clear() {
	d.shown = app.Exhibit{}
	d.body.RemoveAll()
	d.scroll.Hide()
	d.placeholder.Show()
}

// show lays out the exhibit x.
func (d *exhibitDetail) show(x app.Exhibit) {
	d.shown = x
	d.reviews = map[string]*reviewControls{}
	it := x.Item
	ref := &widget.Label{Text: it.ExhibitRef, TextStyle: fyne.TextStyle{Bold: true}, SizeName: theme.SizeNameSubHeadingText, Selectable: true}
	closed, broken := newBadge(theme.ColorNamePrimary), newBadge(theme.ColorNameError)
	setBadges(x, closed, broken)
	objs := []fyne.CanvasObject{
		container.NewHBox(ref, container.NewCenter(broken.box), container.NewCenter(closed.box)),
		&widget.Label{Text: it.Description, Wrapping: fyne.TextWrapWord},
		factGrid(exhibitFields(x)),
		sectionHeading(fmt.Sprintf("Files (%d)", len(it.Attachments))),
	}
	if len(it.Attachments) == 0 {
		objs = append(objs, quietLabel("No file attached."))
	}
	for _, a := range it.Attachments {
		objs = append(objs, d.fileRow(x, a))
	}
	objs = append(objs, sectionHeading(fmt.Sprintf("Chain of custody (%s, oldest first)", plural(len(x.Custody), "event"))))
	if len(x.Custody) == 0 {
		objs = append(objs, quietLabel("No custody event recorded yet. Record the seizure or sealing first."))
	}
	for i := range x.Custody {
		if i > 0 {
			objs = append(objs, widget.NewSeparator())
		}
		objs = append(objs, custodyBlock(x, i))
	}
	d.body.Objects = objs
	d.body.Refresh()
	d.placeholder.Hide()
	d.scroll.Show()
	d.scroll.ScrollToTop()
}

// exhibitFields are the exhibit's facts, label and value.
func exhibitFields(x app.Exhibit) [][2]string {
	it := x.Item
	acquired := ""
	if !it.AcquiredAt.IsZero() {
		acquired = model.FormatLocalWhen(it.AcquiredAt)
	}
	holder := x.Holder().String()
	if end, ok := x.Closed(); ok {
		holder = fmt.Sprintf("nobody: %s on %s", end.Action.Label(), model.FormatLocalWhen(end.At))
	}
	return [][2]string{
		{"Kind", capitalize(it.Kind.Label())},
		{"From seizure", orDash(x.SeizureRef)},
		{"Storage location", orDash(it.StorageLocation)},
		{"Seal number", orDash(it.SealNumber)},
		{"Acquired when", orDash(acquired)},
		{"Acquired where", orDash(it.AcquiredPlace)},
		{"Acquired by", orDash(it.AcquiredBy)},
		{"Held by", orDash(holder)},
		{"Recorded", it.CreatedBy.String() + ", " + it.CreatedAt.Local().Format("2006-01-02 15:04")},
	}
}

// factGrid lays out label–value pairs in two columns of form grids,
// values wrapping, so that the files and the chain come into sight sooner.
func factGrid(rows [][2]string) fyne.CanvasObject {
	columns := container.NewGridWithColumns(2)
	half := (len(rows) + 1) / 2
	for _, part := range [][][2]string{rows[:half], rows[half:]} {
		grid := container.New(layout.NewFormLayout())
		for _, r := range part {
			grid.Add(&widget.Label{Text: r[0], TextStyle: fyne.TextStyle{Bold: true}})
			grid.Add(&widget.Label{Text: r[1], Wrapping: fyne.TextWrapWord, Selectable: true})
		}
		columns.Add(grid)
	}
	return columns
}

func sectionHeading(text string) fyne.CanvasObject {
	return container.NewVBox(widget.NewSeparator(),
		&widget.Label{Text: text, TextStyle: fyne.TextStyle{Bold: true}, SizeName: theme.SizeNameSubHeadingText})
}

// quietLabel is wrapping text in quietStyle, for what only adds to the line above.
func quietLabel(text string) *widget.RichText {
	t := newQuietText(text)
	t.Wrapping = fyne.TextWrapWord
	return t
}

// fileRow is one attached file: its thumbnail when it is a photo, its
// name, size, type, who added it when, its full SHA-256, and its review.
func (d *exhibitDetail) fileRow(x app.Exhibit, a model.Attachment) fyne.CanvasObject {
	review := newReviewControls(d.tab, x, a)
	d.reviews[a.ID] = review
	info := container.NewVBox(
		&widget.Label{Text: a.Name, TextStyle: fyne.TextStyle{Bold: true}, Wrapping: fyne.TextWrapWord},
		quietLabel(fmt.Sprintf("%s · %s · added by %s, %s", fileSize(a.Size), a.MediaType, a.AddedBy.String(),
			a.AddedAt.Local().Format("2006-01-02 15:04"))),
		container.NewHBox(&widget.Label{Text: "SHA-256", TextStyle: fyne.TextStyle{Bold: true}},
			&widget.Label{Text: a.SHA256, TextStyle: fyne.TextStyle{Monospace: true}, Selectable: true}),
		review.box,
	)
	if !isPhoto(a.MediaType) {
		return container.NewBorder(nil, nil, container.NewCenter(widget.NewIcon(theme.FileIcon())), nil, info)
	}
	return container.NewBorder(nil, nil, d.tab.thumbnail(a.SHA256), nil, info)
}

func isPhoto(mediaType string) bool {
	return mediaType == "image/jpeg" || mediaType == "image/png" || mediaType == "image/gif"
}

// thumbSize is the box a photo's thumbnail fits in.
var thumbSize = fyne.NewSize(160, 120)

// thumbnail is the photo with that SHA-256, small; it is read and shrunk
// off the UI goroutine the first time (a camera's photo is megabytes).
func (t *evidenceTab) thumbnail(sha string) fyne.CanvasObject {
	img := &canvas.Image{FillMode: canvas.ImageFillContain, ScaleMode: canvas.ImageScaleSmooth}
	img.SetMinSize(thumbSize)
	if small, ok := t.thumbs[sha]; ok {
		img.Image = small
		return img
	}
	inBackground(t.bg, func(context.Context) (image.Image, error) {
		// Through the store, which refuses a pipe or a link in the file's place.
		f, err := t.store.OpenAttachment(sha)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		return readThumbnail(f)
	}, func(small image.Image, err error) {
		if err != nil {
			logError("read the photo "+sha, err)
			return
		}
		t.thumbs[sha] = small
		img.Image = small
		img.Refresh()
	})
	return img
}

// readThumbnail decodes the image read from r and shrinks it to fit twice
// thumbSize (sharp on a high-density screen), by sampling.
func readThumbnail(r io.Reader) (image.Image, error) {
	src, _, err := image.Decode(r)
	if err != nil {
		return nil, err
	}
	b := src.Bounds()
	maxW, maxH := int(2*thumbSize.Width), int(2*thumbSize.Height)
	scale := min(float64(maxW)/float64(b.Dx()), float64(maxH)/float64(b.Dy()), 1)
	w, h := max(1, int(float64(b.Dx())*scale)), max(1, int(float64(b.Dy())*scale))
	dst := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		sy := b.Min.Y + int(float64(y)/scale)
		for x := range w {
			dst.Set(x, y, src.At(b.Min.X+int(float64(x)/scale), sy))
		}
	}
	return dst, nil
}

// fileSize writes a size as an officer reads it: 532 bytes, 1.2 MB.
func fileSize(n int64) string {
	const unit = 1000
	if n < unit {
		return plural(int(n), "byte")
	}
	div, exp := int64(unit), 0
	for m := n / unit; m >= unit; m /= unit {
		div *= unit
		exp++
	}
	return fmt.Sprintf("%.1f %cB (%s bytes)", float64(n)/float64(div), "kMGTPE"[exp], thousands(n))
}

// custodyBlock is event i of the exhibit's chain: when, what, from whom to
// whom, where, under which seal and in what state, the note, and what it
// corrects or what corrected it.
func custodyBlock(x app.Exhibit, i int) fyne.CanvasObject {
	ev := x.Custody[i]
	title := &widget.Label{TextStyle: fyne.TextStyle{Bold: true},
		Text: fmt.Sprintf("%d.  %s  %s", i+1, model.FormatLocalWhen(ev.At), capitalize(ev.Action.Label()))}
	box := container.NewVBox(title)
	var lines []string
	lines = append(lines, parties(ev))
	var where []string
	if ev.Place != "" {
		where = append(where, "Place: "+ev.Place)
	}
	if ev.SealNumber != "" || ev.SealIntact != nil {
		where = append(where, sealText(ev))
	}
	if len(where) > 0 {
		lines = append(lines, strings.Join(where, " · "))
	}
	if ev.Note != "" {
		lines = append(lines, "Note: "+ev.Note)
	}
	lines = append(lines, fmt.Sprintf("Recorded by %s, %s", ev.CreatedBy.String(), ev.CreatedAt.Local().Format("2006-01-02 15:04")))
	box.Add(&widget.Label{Text: strings.Join(lines, "\n"), Wrapping: fyne.TextWrapWord, Selectable: true})
	if ev.SealIntact != nil && !*ev.SealIntact {
		box.Add(&widget.Label{Text: "The seal was found broken.", Importance: widget.DangerImportance, TextStyle: fyne.TextStyle{Bold: true}})
	}
	if ev.Corrects != "" {
		box.Add(&widget.Label{Text: "Corrects " + eventName(x, ev.Corrects), Importance: widget.WarningImportance, Wrapping: fyne.TextWrapWord})
	}
	for j, later := range x.Custody {
		if later.Corrects == ev.ID {
			box.Add(&widget.Label{Text: fmt.Sprintf("Corrected by event %d", j+1), Importance: widget.WarningImportance})
		}
	}
	return box
}

func sealText(ev model.CustodyEvent) string {
	s := "Seal " + orDash(ev.SealNumber)
	switch {
	case ev.SealIntact == nil:
		return s + " (not checked)"
	case *ev.SealIntact:
		return s + " (found intact)"
	}
	return s + " (found BROKEN)"
}

// parties names who the event concerns: both holders when the exhibit
// changes hands, else the officer who acted or who held it.
func parties(ev model.CustodyEvent) string {
	switch {
	case ev.Action.Moves():
		return "From " + authorOrDash(ev.From) + "  →  to " + authorOrDash(ev.To)
	case ev.To.Name != "":
		return "By " + ev.To.String()
	case ev.From.Name != "":
		return "Held by " + ev.From.String()
	}
	return "No officer named"
}

func authorOrDash(a model.Author) string { return orDash(a.String()) }

// eventName names the event with that ID in the exhibit's chain: "event 2
// (seized, 2026-11-27 10:04)".
func eventName(x app.Exhibit, id string) string {
	for i, ev := range x.Custody {
		if ev.ID == id {
			return fmt.Sprintf("event %d (%s, %s)", i+1, ev.Action.Label(), model.FormatLocalWhen(ev.At))
		}
	}
	return "an event not in this chain"
}
