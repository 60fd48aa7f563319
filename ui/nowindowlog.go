package ui

import (
	"io"
	"log"
	"slices"
	"strings"
	"sync"
)

// logHearing listens to the standard log while the window is created, for
// the words the system gave when it could not be: Fyne and go-gl/glfw
// report them only there (nowindow.go says why). The lines still go where
// the log went before.
type logHearing struct {
	mu     sync.Mutex
	next   io.Writer
	said   string // the first of the system's words heard
	reason string // the reason of Fyne's last error
}

func hearLog() *logHearing {
	h := &logHearing{next: log.Writer()}
	log.SetOutput(h)
	return h
}

// The system's words come in go-gl/glfw's logged platform error
// ("PlatformError: WGL: Failed to set pixel format for dummy context:
// Invalid window handle") or in the cause Fyne's LogError gives under its
// reason ("Fyne error:  window creation error", then "  Cause:
// APIUnavailable: GLX: GLX extension not found"); the causes of Fyne's
// other errors are not about the window.
const (
	platformError = "PlatformError: "
	fyneError     = "Fyne error: "
	fyneCause     = "Cause: "
)

var windowReasons = []string{"window creation error", "failed to initialise GLFW"}

func (h *logHearing) Write(p []byte) (int, error) {
	h.mu.Lock()
	line := strings.TrimSpace(string(p))
	if i := strings.Index(line, fyneError); i >= 0 {
		h.reason = strings.TrimSpace(line[i+len(fyneError):])
	} else if i := strings.Index(line, fyneCause); i >= 0 && h.said == "" && slices.Contains(windowReasons, h.reason) {
		h.said = line[i+len(fyneCause):]
	} else if i := strings.Index(line, platformError); i >= 0 && h.said == "" {
		h.said = line[i:]
	}
	next := h.next
	h.mu.Unlock()
	return next.Write(p)
}

// stop puts the log back as it was and returns what the system said.
func (h *logHearing) stop() string {
	log.SetOutput(h.next)
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.said
}
