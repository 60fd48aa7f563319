package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"bollard/model"
)

// fieldErrors shows the model's validation messages next to the fields they
// are about, so that the officer sees at once every field to correct rather
// than one message at a time. The model is the only judge of what is valid:
// forms hand it what was typed and show what it refuses.
//
// A form registers one message line per input under the field names that
// model.FieldError uses for it ("case-ref prefix"); a message no field
// claims goes to the form's general line.
type fieldErrors struct {
	lines   map[string]*errorLine
	all     []*errorLine
	general *widget.Label
}

// errorLine is the red message under one input.
type errorLine struct {
	label *widget.Label
	// choice marks a select: the officer sees the choices already, so the
	// list of codes the model quotes is left out of the message.
	choice bool
}

func newFieldErrors() *fieldErrors {
	return &fieldErrors{lines: map[string]*errorLine{}, general: newErrorLabel()}
}

// newErrorLabel is a hidden red label that wraps, for one validation message.
func newErrorLabel() *widget.Label {
	l := &widget.Label{Importance: widget.DangerImportance, Wrapping: fyne.TextWrapWord}
	l.Hide()
	return l
}

// field returns input with a message line under it, for the named fields.
func (e *fieldErrors) field(input fyne.CanvasObject, names ...string) fyne.CanvasObject {
	return e.add(input, false, names)
}

// choice is field for a select or check group.
func (e *fieldErrors) choice(input fyne.CanvasObject, names ...string) fyne.CanvasObject {
	return e.add(input, true, names)
}

func (e *fieldErrors) add(input fyne.CanvasObject, choice bool, names []string) fyne.CanvasObject {
	line := &errorLine{label: newErrorLabel(), choice: choice}
	for _, n := range names {
		e.lines[n] = line
	}
	e.all = append(e.all, line)
	return container.NewVBox(input, line.label)
}

// show clears every message, then puts each field error in err next to its
// field. It reports whether err held any field error; when it did not, the
// caller reports err as a failure of another kind.
func (e *fieldErrors) show(err error) bool {
	e.clear()
	fes := model.FieldErrors(err)
	var general []string
	for _, fe := range fes {
		line, ok := e.lines[fe.Field]
		if !ok {
			general = append(general, capitalize(fe.Error()))
			continue
		}
		line.append(fieldMessage(fe, line.choice))
	}
	if len(general) > 0 {
		setMessage(e.general, strings.Join(general, "\n"))
	}
	return len(fes) > 0
}

// clear hides every message.
func (e *fieldErrors) clear() {
	for _, line := range e.all {
		setMessage(line.label, "")
	}
	setMessage(e.general, "")
}

// message is what the line of the named field says ("" when nothing).
func (e *fieldErrors) message(field string) string {
	if line, ok := e.lines[field]; ok {
		return line.label.Text
	}
	return ""
}

func (l *errorLine) append(msg string) {
	if l.label.Text != "" {
		msg = l.label.Text + "\n" + msg
	}
	setMessage(l.label, msg)
}

// fieldMessage words a field error for the line under its field.
func fieldMessage(fe *model.FieldError, choice bool) string {
	if choice && fe.Value == "" && strings.HasPrefix(fe.Rule, "is required") {
		return capitalize(fe.Field) + ": choose one"
	}
	return capitalize(fe.Error())
}

// setMessage shows text in l, or hides l when text is empty so that the
// form does not keep a blank line under every field.
func setMessage(l *widget.Label, text string) {
	l.SetText(text)
	if text == "" {
		l.Hide()
	} else {
		l.Show()
	}
}
