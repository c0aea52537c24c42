package tui

import (
	"image/color"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// Styles holds every style the UI draws with. It is built once per
// background change (never in View) so frames stay cheap, and it is the only
// place colours are named.
type Styles struct {
	isDark bool

	Header        lipgloss.Style
	HeaderApp     lipgloss.Style
	HeaderProfile lipgloss.Style
	HeaderURL     lipgloss.Style
	Status        lipgloss.Style
	Toast         lipgloss.Style
	ToastError    lipgloss.Style

	BorderFocused color.Color
	BorderBlurred color.Color
	Title         lipgloss.Style
	TitleFocused  lipgloss.Style

	Dim      lipgloss.Style
	Selected lipgloss.Style
	Active   lipgloss.Style
	Warning  lipgloss.Style
	Good     lipgloss.Style
	Bad      lipgloss.Style
	Label    lipgloss.Style

	TabActive   lipgloss.Style
	TabInactive lipgloss.Style

	Overlay lipgloss.Style

	// UserCode is a device flow's user code: boxed and bold so it reads
	// from across a desk. QR is fixed light-on-black on any background,
	// since a scanner needs the contrast auth.DrawQR assumes.
	UserCode lipgloss.Style
	QR       lipgloss.Style
}

// NewStyles builds the styles for a dark or light background. The default
// is dark: we draw at once and restyle if the terminal answers the query.
func NewStyles(isDark bool) Styles {
	ld := lipgloss.LightDark(isDark)
	accent := ld(lipgloss.Color("#5A4FCF"), lipgloss.Color("#9D8CFF"))
	dim := ld(lipgloss.Color("#6B6B6B"), lipgloss.Color("#8A8A8A"))
	warn := ld(lipgloss.Color("#B35900"), lipgloss.Color("#FFB454"))
	good := ld(lipgloss.Color("#1E7B34"), lipgloss.Color("#5FD77A"))
	bad := ld(lipgloss.Color("#C0152F"), lipgloss.Color("#FF6B6B"))
	fg := ld(lipgloss.Color("#1A1A1A"), lipgloss.Color("#E6E6E6"))
	sel := ld(lipgloss.Color("#E4E0FF"), lipgloss.Color("#3A3460"))
	return Styles{
		isDark:        isDark,
		Header:        lipgloss.NewStyle().Foreground(fg),
		HeaderApp:     lipgloss.NewStyle().Bold(true).Foreground(accent),
		HeaderProfile: lipgloss.NewStyle().Bold(true).Foreground(fg),
		HeaderURL:     lipgloss.NewStyle().Foreground(dim),
		Status:        lipgloss.NewStyle().Foreground(dim),
		Toast:         lipgloss.NewStyle().Foreground(good),
		ToastError:    lipgloss.NewStyle().Foreground(bad),
		BorderFocused: accent,
		BorderBlurred: dim,
		Title:         lipgloss.NewStyle().Foreground(dim),
		TitleFocused:  lipgloss.NewStyle().Bold(true).Foreground(accent),
		Dim:           lipgloss.NewStyle().Foreground(dim),
		Selected:      lipgloss.NewStyle().Background(sel),
		Active:        lipgloss.NewStyle().Bold(true).Foreground(accent),
		Warning:       lipgloss.NewStyle().Foreground(warn),
		Good:          lipgloss.NewStyle().Foreground(good),
		Bad:           lipgloss.NewStyle().Foreground(bad),
		Label:         lipgloss.NewStyle().Bold(true).Foreground(fg),
		TabActive:     lipgloss.NewStyle().Bold(true).Foreground(accent).Underline(true),
		TabInactive:   lipgloss.NewStyle().Foreground(dim),
		Overlay: lipgloss.NewStyle().Border(lipgloss.RoundedBorder()).
			BorderForeground(accent).Padding(0, 1),
		UserCode: lipgloss.NewStyle().Bold(true).Foreground(fg).Border(lipgloss.RoundedBorder()).
			BorderForeground(accent).Padding(0, 2),
		QR: lipgloss.NewStyle().Foreground(lipgloss.Color("#FFFFFF")).Background(lipgloss.Color("#000000")),
	}
}

// paneFrame is the border every pane is drawn in; its frame sizes are what
// panes subtract from their rect, so no size below is a magic number.
func paneFrame() lipgloss.Style {
	return lipgloss.NewStyle().Border(lipgloss.NormalBorder())
}

// innerSize is the content area of a pane drawn in paneFrame at w×h.
func innerSize(w, h int) (int, int) {
	f := paneFrame()
	return max(0, w-f.GetHorizontalFrameSize()), max(0, h-f.GetVerticalFrameSize())
}

// box draws body inside a titled border of exactly w×h cells. Every body
// line is cut to the inner width, so no pane can push a line past its rect.
func (s *Styles) box(title, body string, w, h int, focused bool) string {
	iw, ih := innerSize(w, h)
	if iw <= 0 || ih < 0 {
		return ""
	}
	border, titleStyle := s.BorderBlurred, s.Title
	if focused {
		border, titleStyle = s.BorderFocused, s.TitleFocused
	}
	inner := fitBlock(body, iw, ih)
	frame := paneFrame().BorderTop(false).BorderForeground(border)
	return lipgloss.JoinVertical(lipgloss.Left, s.topBorder(title, iw, border, titleStyle), frame.Render(inner))
}

// topBorder draws "┌ Title ────┐": lipgloss has no border titles, so the top
// edge is built from separately styled segments (never by editing ANSI).
func (s *Styles) topBorder(title string, iw int, border color.Color, titleStyle lipgloss.Style) string {
	b := lipgloss.NormalBorder()
	edge := lipgloss.NewStyle().Foreground(border)
	label := ansi.Truncate(" "+title+" ", max(0, iw-1), "…")
	fill := max(0, iw-1-lipgloss.Width(label))
	return edge.Render(b.TopLeft+b.Top) + titleStyle.Render(label) +
		edge.Render(strings.Repeat(b.Top, fill)+b.TopRight)
}

// fitBlock cuts s to at most h lines of at most w cells and pads it to
// exactly w×h, so joined panes line up.
func fitBlock(s string, w, h int) string {
	lines := strings.Split(s, "\n")
	if len(lines) > h {
		lines = lines[:h]
	}
	for len(lines) < h {
		lines = append(lines, "")
	}
	for i, l := range lines {
		l = ansi.Truncate(l, w, "…")
		lines[i] = l + strings.Repeat(" ", max(0, w-lipgloss.Width(l)))
	}
	return strings.Join(lines, "\n")
}

// fitLine cuts one line to w cells and pads it to exactly w.
func fitLine(s string, w int) string {
	return fitBlock(strings.ReplaceAll(s, "\n", " "), w, 1)
}
