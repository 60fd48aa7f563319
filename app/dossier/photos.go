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

	"github.com/jung-kurt/gofpdf"
)

// photo is a photograph attached to an exhibit.
type photo struct {
	exhibit, name, sha256, mediaType string
}

// photoList is every JPEG and PNG attached to the case's exhibits, each
// file once however many exhibits carry it.
func (d *doc) photoList() []photo {
	var out []photo
	seen := map[string]bool{}
	for _, x := range d.file.Evidence {
		for _, a := range x.Item.Attachments {
			if (a.MediaType != "image/jpeg" && a.MediaType != "image/png") || seen[a.SHA256] {
				continue
			}
			seen[a.SHA256] = true
			out = append(out, photo{x.Item.ExhibitRef, a.Name, a.SHA256, a.MediaType})
		}
	}
	return out
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
		p.CellFormat(frameW, 3.2, d.clip(ph.exhibit+" · "+d.photoName(ph), frameW), "", 0, "L", false, 0, "")
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

func (d *doc) photoName(ph photo) string {
	if d.opt.Redact {
		return d.text(ph.name) // a file may be named after the person in it
	}
	return ph.name
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
	d.beginTag("Figure", d.w.tf("photo alt", ph.exhibit+" · "+d.photoName(ph)))
	p.ImageOptions(ph.sha256, x+(frameW-w)/2, y+(photoFrameH-h)/2, w, h, false, gofpdf.ImageOptions{}, 0, "")
	d.endTag()
}

// registerPhoto hands the photograph to the PDF. A JPEG goes in byte for
// byte, so the picture in the dossier is the very file whose hash the
// caption prints. A PNG gofpdf cannot take (interlaced, 16-bit) is decoded
// and printed as a JPEG instead.
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
	img, _, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("%v", first)
	}
	flat := image.NewRGBA(img.Bounds())
	draw.Draw(flat, flat.Bounds(), image.NewUniform(color.White), image.Point{}, draw.Src)
	draw.Draw(flat, flat.Bounds(), img, img.Bounds().Min, draw.Over)
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, flat, &jpeg.Options{Quality: 90}); err != nil {
		return nil, err
	}
	info = p.RegisterImageOptionsReader(ph.sha256, gofpdf.ImageOptions{ImageType: "JPG"}, &buf)
	if p.Err() {
		err := p.Error()
		p.ClearError()
		return nil, err
	}
	return info, nil
}

// photosWithheld is how many attached files a redacted dossier leaves out,
// by class.
func (d *doc) photosWithheld() []withheldClass { return nil }
