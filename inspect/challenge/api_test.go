package challenge

import (
	"encoding/json"
	"reflect"
	"testing"
)

func TestAccessors(t *testing.T) {
	r := Parse([]string{`Bearer Realm="a", resource_metadata="https://1", RESOURCE_METADATA="https://2", Basic realm="b"`, `bearer realm="c"`}, Lenient)
	c := r.Challenges[0]
	if v, ok := c.Get("REALM"); !ok || v != "a" {
		t.Errorf("Get = %q, %v", v, ok)
	}
	if v, ok := c.Get("resource_metadata"); !ok || v != "https://1" {
		t.Errorf("Get must return the first of duplicates: %q", v)
	}
	if _, ok := c.Get("scope"); ok {
		t.Error("Get found an absent parameter")
	}
	if all := c.All("Resource_Metadata"); len(all) != 2 || all[1] != "https://2" {
		t.Errorf("All = %q", all)
	}
	if c.Params[0].Name != "realm" || c.Params[0].Raw != `"a"` || !c.Params[0].Quoted {
		t.Errorf("param = %+v", c.Params[0])
	}
	if !c.Is("BEARER") || c.Is("Basic") {
		t.Error("Is is wrong")
	}
	if got := Lookup(r.Challenges, "Bearer"); len(got) != 2 || got[1].Field != 1 || got[1].Scheme != "bearer" {
		t.Errorf("Lookup = %+v", got)
	}
	if got := Lookup(r.Challenges, "Digest"); len(got) != 0 {
		t.Errorf("Lookup found %d Digest", len(got))
	}
}

func TestMarshalJSON(t *testing.T) {
	r := Parse([]string{`Bearer realm="api", error="invalid_token", Negotiate abc==, Basic`}, Lenient)
	b, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	want := `{"challenges":[` +
		`{"scheme":"Bearer","token68":null,"params":[{"name":"realm","value":"api"},{"name":"error","value":"invalid_token"}]},` +
		`{"scheme":"Negotiate","token68":"abc==","params":[]},` +
		`{"scheme":"Basic","token68":null,"params":[]}],` +
		`"diagnostics":[{"severity":"warning","code":"BASIC_NO_REALM","message":"` + msgBasicNoRealm() + `","field":0,"offset":60}]}`
	if string(b) != want {
		t.Errorf("JSON\n got %s\nwant %s", b, want)
	}
	b, _ = json.Marshal(Parse(nil, Strict))
	if string(b) != `{"challenges":[],"diagnostics":[]}` {
		t.Errorf("empty result JSON = %s", b)
	}
	// HTML characters stay readable unless the caller's encoder escapes them.
	c := Challenge{Scheme: "Bearer", Params: []Param{{Name: "realm", Value: "a&b<c>"}}}
	b, _ = c.MarshalJSON()
	if string(b) != `{"scheme":"Bearer","token68":null,"params":[{"name":"realm","value":"a&b<c>"}]}` {
		t.Errorf("MarshalJSON = %s", b)
	}
}

func TestFormat(t *testing.T) {
	tok := "abc=="
	cs := []Challenge{
		{Scheme: "Basic", Params: []Param{{Name: "realm", Value: `say "hi" \o/`}}},
		{Scheme: "Negotiate", Token68: &tok},
		{Scheme: "Bearer"},
		{Scheme: "Newauth", Params: []Param{{Name: "type", Value: "1"}, {Name: "title", Value: "a, b"}, {Name: "e", Value: ""}, {Name: "q", Value: "tok", Quoted: true}}},
	}
	want := `Basic realm="say \"hi\" \\o/", Negotiate abc==, Bearer, Newauth type=1, title="a, b", e="", q="tok"`
	if got := Format(cs); got != want {
		t.Errorf("Format\n got %s\nwant %s", got, want)
	}
	if Format(nil) != "" {
		t.Error("Format(nil) not empty")
	}
	// A space after a line break is escaped so it cannot read as obs-fold.
	cs = []Challenge{{Scheme: "X", Params: []Param{{Name: "a", Value: "1\n 2"}}}}
	back := Parse([]string{Format(cs)}, Lenient).Challenges
	if len(back) != 1 || back[0].Params[0].Value != "1\n 2" {
		t.Errorf("round trip of a line break: %q -> %+v", Format(cs), back)
	}
}

func TestModeString(t *testing.T) {
	if Lenient.String() != "lenient" || Strict.String() != "strict" {
		t.Error("Mode.String")
	}
}

func TestSplitFieldLines(t *testing.T) {
	for in, want := range map[string][]string{
		"":                           {""},
		"Basic realm=\"a\"":          {`Basic realm="a"`},
		"A\r\nB\r\n":                 {"A", "B"},
		"A\n realm=x\n\tb=c\nB\n\nC": {"A\n realm=x\n\tb=c", "B", "", "C"},
	} {
		if got := SplitFieldLines(in); !reflect.DeepEqual(got, want) {
			t.Errorf("SplitFieldLines(%q) = %q, want %q", in, got, want)
		}
	}
	r := Parse(SplitFieldLines("WWW-Authenticate: Basic\r\n realm=\"x\"\r\nNegotiate\r\n"), Lenient)
	if Format(r.Challenges) != `Basic realm="x", Negotiate` || !hasCode(r.Diagnostics, CodeObsFold) {
		t.Errorf("pasted lines: %s %v", Format(r.Challenges), codesOf(r.Diagnostics))
	}
}
