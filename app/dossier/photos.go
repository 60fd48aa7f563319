package dossier

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/jpeg"
	_ "image/png" // PNG photographs that gofpdf cannot read itself are decoded here
	"io"
	"math"
	"slices"

	"github.com/jung-kurt/gofpdf"

	"bollard/model"
)

// photo is a photograph attached to an exhibit.
type photo struct {
	exhibit, name, sha256, mediaType string
	file                             int // its place among the exhibit's files, from 1
}

// photoList is every photograph this dossier prints: each JPEG and PNG
// attached to the case's exhibits, once however many exhibits carry it. A
// redacted dossier prints only those cleared for it (see photosSorted), so
// that every count and heading drawn from this list is of what is printed.
func (d *doc) photoList() []photo {
	printed, _ := d.photosSorted()
	return printed
}

// Classes of attached files a redacted dossier withholds, as the closing
// "What was withheld" page counts them (their labels in labels.go).
const (
	withheldPersonPhotos = "withheld person photos"
	withheldIDDocuments  = "withheld identity documents"
	withheldUnreviewed   = "withheld unreviewed files"
	withheldFileNames    = "withheld file names"
)

// photosSorted parts the case's photographs into those this dossier
// prints and those it withholds, by class. A redacted dossier prints a
// file only when the officer's review says it shows nothing personal, or
// clears it as shareable; a file never reviewed is withheld, as one
// showing persons is. A file attached to several exhibits is printed only
// when every review of it clears it.
func (d *doc) photosSorted() (printed []photo, withheld map[string]int) {
	var all []photo
	why := map[string]string{} // a withheld file's class, by SHA-256
	for _, x := range d.file.Evidence {
		for i, a := range x.Item.Attachments {
			if a.MediaType != "image/jpeg" && a.MediaType != "image/png" {
				continue
			}
			if d.opt.Redact && why[a.SHA256] == "" {
				why[a.SHA256] = fileWithheldClass(x.Reviews, a.ID)
			}
			if slices.ContainsFunc(all, func(p photo) bool { return p.sha256 == a.SHA256 }) {
				continue
			}
			all = append(all, photo{x.Item.ExhibitRef, a.Name, a.SHA256, a.MediaType, i + 1})
		}
	}
	withheld = map[string]int{}
	for _, ph := range all {
		if class := why[ph.sha256]; class != "" {
			withheld[class]++
			continue
		}
		printed = append(printed, ph)
	}
	return printed, withheld
}

// fileWithheldClass is why a redacted dossier withholds the file with that
// attachment ID, as its review says; "" when it may be printed.
func fileWithheldClass(reviews map[string]model.AttachmentReview, attachmentID string) string {
	r, ok := reviews[attachmentID]
	switch {
	case !ok:
		return withheldUnreviewed
	case r.Cleared():
		return ""
	case r.Shows == model.ShowsIdentityDocument:
		return withheldIDDocuments
	}
	return withheldPersonPhotos
}

// photosWithheld is how many attached files a redacted dossier leaves out,
// by class, and how many file names it replaced by the exhibit's ref: a
// file is often named after the person in it. Classes with none are left
// out.
func (d *doc) photosWithheld() []withheldClass {
	if !d.opt.Redact {
		return nil
	}
	_, withheld := d.photosSorted()
	names := 0
	for _, x := range d.file.Evidence {
		names += len(x.Item.Attachments)
	}
	var out []withheldClass
	for _, c := range []withheldClass{
		{withheldPersonPhotos, withheld[withheldPersonPhotos]},
		{withheldIDDocuments, withheld[withheldIDDocuments]},
		{withheldUnreviewed, withheld[withheldUnreviewed]},
		{withheldFileNames, names},
	} {
		if c.n > 0 {
			out = append(out, c)
		}
	}
	return out
}

// fileName is how an attached file is named in the dossier: by its name,
// or in a redacted dossier by its exhibit's ref and its place among the
// exhibit's files ("ESA-2026-0001/EX-003, file 2"), never by the name.
func (d *doc) fileName(exhibitRef string, file int, name string) string {
	if d.opt.Redact {
		return d.w.tf("file of exhibit", exhibitRef, file)
	}
	return name
}

// Photographs are printed two across, each in a frame of the same size
// whatever its shape, so that the layout does not depend on the pictures:
// the measuring pass need not open them.
const (
	photoColumns = 2
	photoGap     = 6.0
	photoFrameH  = 68.0
	photoCaption = 11.0
)

func (d *doc) photos() {
	d.section("photos")
	list := d.photoList()
	if len(list) == 0 || d.opt.Photo == nil {
		d.paragraph(d.w.t("no photos"), 10)
		return
	}
	p := d.pdf
	frameW := (contentWidth - photoGap*(photoColumns-1)) / photoColumns
	rowH := photoFrameH + photoCaption + photoGap
	for i, ph := range list {
		col := i % photoColumns
		if col == 0 && p.GetY()+rowH > bodyBottom {
			p.AddPage()
		}
		y := p.GetY()
		x := marginLeft + float64(col)*(frameW+photoGap)
		if !d.measuring {
			d.drawPhoto(ph, x, y, frameW)
		}
		d.font("B", 7)
		p.SetXY(x, y+photoFrameH+1)
		p.CellFormat(frameW, 3.2, d.clip(d.photoCaption(ph), frameW), "", 0, "L", false, 0, "")
		d.font("", 6)
		p.SetXY(x, y+photoFrameH+4.5)
		p.CellFormat(frameW, 3, "SHA-256 "+ph.sha256[:min(32, len(ph.sha256))], "", 0, "L", false, 0, "")
		if len(ph.sha256) > 32 {
			p.SetXY(x, y+photoFrameH+7.5)
			p.CellFormat(frameW, 3, ph.sha256[32:], "", 0, "L", false, 0, "")
		}
		if col == photoColumns-1 || i == len(list)-1 {
			p.SetXY(marginLeft, y+rowH)
		} else {
			p.SetXY(marginLeft, y)
		}
	}
}

// photoCaption names the photograph under it: its exhibit and its name,
// or in a redacted dossier its exhibit and its place there.
func (d *doc) photoCaption(ph photo) string {
	if d.opt.Redact {
		return d.fileName(ph.exhibit, ph.file, ph.name)
	}
	return ph.exhibit + " · " + ph.name
}

// drawPhoto places the picture in its frame, scaled to fit and centred.
// A file that cannot be read or printed leaves a framed notice instead: one
// bad file should not stop a dossier a meeting is waiting for.
func (d *doc) drawPhoto(ph photo, x, y, frameW float64) {
	p := d.pdf
	info, err := d.registerPhoto(ph)
	if err != nil {
		p.SetDrawColor(ruleGrey[0], ruleGrey[1], ruleGrey[2])
		p.Rect(x, y, frameW, photoFrameH, "D")
		d.font("", 7)
		for i, line := range d.wrap(d.w.tf("photo error", err), frameW-4) {
			p.SetXY(x+2, y+photoFrameH/2-4+float64(i)*3.2)
			p.CellFormat(frameW-4, 3.2, line, "", 0, "C", false, 0, "")
		}
		return
	}
	iw, ih := info.Width(), info.Height()
	scale := math.Min(frameW/iw, photoFrameH/ih)
	w, h := iw*scale, ih*scale
	d.beginTag("Figure", d.w.tf("photo alt", d.photoCaption(ph)))
	p.ImageOptions(ph.sha256, x+(frameW-w)/2, y+(photoFrameH-h)/2, w, h, false, gofpdf.ImageOptions{}, 0, "")
	d.endTag()
}

// registerPhoto hands the photograph to the PDF. A JPEG goes in byte for
// byte, so the picture in the dossier is the very file whose hash the
// caption prints. A PNG gofpdf cannot take (interlaced, 16-bit) is decoded
// and printed as a JPEG instead. A redacted dossier prints every picture
// from its pixels alone (see pixelsOnly).
func (d *doc) registerPhoto(ph photo) (*gofpdf.ImageInfoType, error) {
	p := d.pdf
	if info := p.GetImageInfo(ph.sha256); info != nil {
		return info, nil
	}
	r, err := d.opt.Photo(ph.sha256)
	if err != nil {
		return nil, err
	}
	data, err := io.ReadAll(r)
	r.Close()
	if err != nil {
		return nil, err
	}
	if d.opt.Redact {
		if data, err = pixelsOnly(data); err != nil {
			return nil, err
		}
		info := p.RegisterImageOptionsReader(ph.sha256, gofpdf.ImageOptions{ImageType: "JPG"}, bytes.NewReader(data))
		if p.Err() {
			err := p.Error()
			p.ClearError()
			return nil, err
		}
		return info, nil
	}
	kind := "JPG"
	if ph.mediaType == "image/png" {
		kind = "PNG"
	}
	info := p.RegisterImageOptionsReader(ph.sha256, gofpdf.ImageOptions{ImageType: kind}, bytes.NewReader(data))
	if !p.Err() {
		return info, nil
	}
	// gofpdf keeps one error for the whole document; this one concerns
	// only the picture, which gets a second chance below.
	first := p.Error()
	p.ClearError()
	flat, err := pixelsOnly(data)
	if err != nil {
		return nil, fmt.Errorf("%v", first)
	}
	info = p.RegisterImageOptionsReader(ph.sha256, gofpdf.ImageOptions{ImageType: "JPG"}, bytes.NewReader(flat))
	if p.Err() {
		err := p.Error()
		p.ClearError()
		return nil, err
	}
	return info, nil
}

// pixelsOnly decodes a picture and encodes its pixels again as a JPEG
// (over white, for a PNG's transparent parts), at a fixed quality: what
// the file carried besides its pixels (EXIF with the camera's owner and
// place, XMP, an ICC profile, a comment naming the person) is left behind.
// Go's encoder writes no metadata and the same pixels always give the same
// bytes, so the same case on the same date still gives the same dossier.
func pixelsOnly(data []byte) ([]byte, error) {
	img, _, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	flat := image.NewRGBA(img.Bounds())
	draw.Draw(flat, flat.Bounds(), image.NewUniform(color.White), image.Point{}, draw.Src)
	draw.Draw(flat, flat.Bounds(), img, img.Bounds().Min, draw.Over)
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, flat, &jpeg.Options{Quality: 90}); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
