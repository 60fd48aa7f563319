package model

import (
	"strings"
	"time"
)

// TaskKind separates the team's own to-dos from requests for assistance sent
// to a partner agency, which have a legal basis and a partner's answer.
type TaskKind string

// The task kinds.
const (
	TaskTodo              TaskKind = "task"
	TaskAssistanceRequest TaskKind = "assistance_request"
)

// TaskKinds lists every task kind.
var TaskKinds = []TaskKind{TaskTodo, TaskAssistanceRequest}

// Label is the kind as the officer reads it.
func (k TaskKind) Label() string { return labelOf(nil, k) }

// TaskStatus is where a task or request stands.
type TaskStatus string

// The task statuses.
const (
	TaskOpen      TaskStatus = "open"
	TaskSent      TaskStatus = "sent"
	TaskAnswered  TaskStatus = "answered"
	TaskDone      TaskStatus = "done"
	TaskCancelled TaskStatus = "cancelled"
)

// TaskStatuses lists every task status.
var TaskStatuses = []TaskStatus{TaskOpen, TaskSent, TaskAnswered, TaskDone, TaskCancelled}

// Label is the status as the officer reads it.
func (s TaskStatus) Label() string { return labelOf(nil, s) }

// Task is a piece of work in a case, or a request for assistance to a
// partner agency (a mutual administrative assistance request under Naples
// II, a CMAA, an MLA request...).
type Task struct {
	Record
	CaseID      string     `json:"case_id"`
	Kind        TaskKind   `json:"kind"`
	Title       string     `json:"title"`
	Description string     `json:"description"`
	AssignedTo  string     `json:"assigned_to"`
	Partner     string     `json:"partner_agency"`
	LegalBasis  string     `json:"legal_basis"`
	Status      TaskStatus `json:"status"`
	SentOn      Date       `json:"sent_on"`
	DueOn       Date       `json:"due_on"`
	AnsweredOn  Date       `json:"answered_on"`
}

// Overdue reports whether the task is still waiting after its due day.
func (t Task) Overdue(today Date) bool {
	waiting := t.Status == TaskOpen || t.Status == TaskSent
	return waiting && !t.DueOn.IsZero() && t.DueOn.Before(today)
}

// Validate checks the task. A request to a partner names the partner.
func (t *Task) Validate(now time.Time) error {
	p := problems{record: "task"}
	p.require("case", t.CaseID)
	p.add("kind", checkChoice("kind", t.Kind, TaskKinds))
	t.Title = strings.TrimSpace(t.Title)
	p.require("title", t.Title)
	p.add("title", checkLength("title", t.Title, 300))
	p.add("status", checkChoice("status", t.Status, TaskStatuses))
	if t.Kind == TaskAssistanceRequest {
		p.require("partner agency", t.Partner)
	}
	p.add("sent on", checkNotFuture("sent on", t.SentOn, now))
	p.add("answered on", checkNotFuture("answered on", t.AnsweredOn, now))
	if !t.SentOn.IsZero() && !t.AnsweredOn.IsZero() && t.AnsweredOn.Before(t.SentOn) {
		p.add("answered on", Invalid("answered on", t.AnsweredOn.String(), "cannot be before it was sent (%s)", t.SentOn))
	}
	return p.err()
}
