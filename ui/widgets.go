package ui

import (
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// choices pairs the values of one of the model's enumerations with the
// words the officer reads, so that selects show labels and forms get values.
type choices[T ~string] struct {
	values []T
	labels []string
}

func newChoices[T ~string](values []T, label func(T) string) choices[T] {
	c := choices[T]{values: values, labels: make([]string, len(values))}
	for i, v := range values {
		c.labels[i] = label(v)
	}
	return c
}

// value is the value shown as label, or "" when none is.
func (c choices[T]) value(label string) T {
	for i, l := range c.labels {
		if l == label {
			return c.values[i]
		}
	}
	return ""
}

// label is the words for v, or "" for a value not in the list.
func (c choices[T]) label(v T) string {
	for i, w := range c.values {
		if w == v {
			return c.labels[i]
		}
	}
	return ""
}

// withMinSize gives obj a minimum size: dialogs and cards shrink to their
// content's minimum, which for entries is too narrow to type a title into.
func withMinSize(obj fyne.CanvasObject, size fyne.Size) fyne.CanvasObject {
	spacer := canvas.NewRectangle(color.Transparent)
	spacer.SetMinSize(size)
	return container.NewStack(spacer, obj)
}

// newHeading is a bold label in the heading size, for a screen's title.
func newHeading(text string) *widget.Label {
	return &widget.Label{Text: text, TextStyle: fyne.TextStyle{Bold: true}, SizeName: theme.SizeNameHeadingText}
}

// markingBadge shows a handling marking (LIMITE, OFFICIAL-SENSITIVE) as a
// solid red band in capitals: whoever looks at the screen must see at once
// how the case is to be handled.
type markingBadge struct {
	text *canvas.Text
	box  *fyne.Container
}

func newMarkingBadge() *markingBadge {
	b := &markingBadge{text: canvas.NewText("", color.White)}
	b.text.TextStyle = fyne.TextStyle{Bold: true}
	b.text.Alignment = fyne.TextAlignCenter
	bg := canvas.NewRectangle(theme.Color(theme.ColorNameError))
	bg.CornerRadius = theme.InputRadiusSize()
	b.box = container.NewStack(bg, container.NewPadded(b.text))
	return b
}

func (b *markingBadge) set(marking string) {
	b.text.Text = marking
	b.text.Refresh()
}

// quietStyle is for what only adds to the text beside it (a record's kind,
// country, role): dimmer than the text, still easy to read, unlike the
// disabled colour of a low-importance label.
var quietStyle = widget.RichTextStyle{Inline: true, SizeName: theme.SizeNameText, ColorName: theme.ColorNamePlaceHolder}

// newQuietText is text in quietStyle.
func newQuietText(text string) *widget.RichText {
	return widget.NewRichText(&widget.TextSegment{Text: text, Style: quietStyle})
}

// richTextString is the text of a rich text, without its styles.
func richTextString(t *widget.RichText) string {
	var b strings.Builder
	for _, s := range t.Segments {
		b.WriteString(s.Textual())
	}
	return b.String()
}
