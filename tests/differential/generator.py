"""Random Liquid templates and data over the whole language, for the differential test.

    Generator(seed).case(index) -> {"template", "data", "partials", "mode"}

A case is a pure function of (seed, index), so a difference found in CI can be reproduced with
`differential.py --seed S --only INDEX`. The generator knows the shape of the data it made, so
most variable paths resolve; a few do not, on purpose. It covers every standard tag (assign,
capture, if/elsif/else, unless, case/when, for with limit/offset/reversed/else/break/continue
and forloop, tablerow with cols/limit/offset and tablerowloop, cycle with groups,
increment/decrement, raw, comment, inline comment, echo, liquid, include and render with
with/for/as, ifchanged, doc), every standard filter with well- and ill-typed arguments,
whitespace control, nesting, and lax-mode quirks (malformed markup Ruby tolerates).

Sizes stay small (a few hundred bytes, tiny loops) so that both engines answer in milliseconds
and a difference minimises quickly.
"""
import random

WORDS = ["hello", "World", "foo", "bar", "a b", "x", "", " ", "Ünïcödé", "ß", "日本", "<b>", "&amp;",
         "a,b,c", "1", "2.5", "-3", "true", "nil", "The quick brown fox", "  pad  ", "line\nbreak",
         "tab\there", "it's", 'say "hi"', "%20", "a+b", "2024-03-01", "UPPER", "snake_case"]
DATES = ["2024-03-01", "2024-03-01T12:34:56Z", "2024-02-29 23:59:59", "March 1, 2024", "1 Jan 2000",
         "2021-12-31T23:59:59+05:30", "10:30", 0, 1700000000, "1700000000", "not a date", ""]
DATE_FORMATS = ["%Y-%m-%d", "%d/%m/%Y %H:%M", "%a, %b %d, %y", "%B %-d, %Y", "%j %U %W %u %w",
                "%I:%M %p", "%s", "%e|%k|%l", "%C %y %G %V", "%%", "%c", "%D %F %T", "%H%M%S%L",
                "%^a %^B", "%10A|%-5d", "", "plain"]
NUMBERS = [0, 1, 2, 3, -1, -7, 10, 42, 100, 1.5, -2.25, 0.1, 3.14159, 1e20, 1e-5, 2.0, 1000000]
KEYS = ["id", "title", "name", "price", "tags", "type", "available", "count", "vendor", "k"]
FILTER_PROPS = ["title", "price", "type", "available", "tags", "name", "id", "missing"]

# name -> list of argument kinds; "num", "str", "int", "arr", "prop", "fmt", "any", "sep",
# "opt:" prefix = optional.
FILTERS = {
    "abs": [], "append": ["str"], "at_least": ["num"], "at_most": ["num"],
    "base64_decode": [], "base64_encode": [], "base64_url_safe_decode": [],
    "base64_url_safe_encode": [], "capitalize": [], "ceil": [], "compact": ["opt:prop"],
    "concat": ["arr"], "date": ["fmt"], "default": ["any"], "divided_by": ["num"],
    "downcase": [], "escape": [], "escape_once": [], "first": [], "floor": [], "h": [],
    "join": ["opt:sep"], "last": [], "lstrip": [], "map": ["prop"], "minus": ["num"],
    "modulo": ["num"], "newline_to_br": [], "plus": ["num"], "prepend": ["str"],
    "remove": ["str"], "remove_first": ["str"], "remove_last": ["str"], "replace": ["str", "str"],
    "replace_first": ["str", "str"], "replace_last": ["str", "str"], "reverse": [],
    "round": ["opt:int"], "rstrip": [], "size": [], "slice": ["int", "opt:int"], "sort": ["opt:prop"],
    "sort_natural": ["opt:prop"], "split": ["sep"], "strip": [], "strip_html": [],
    "strip_newlines": [], "times": ["num"], "truncate": ["opt:int", "opt:str"],
    "truncatewords": ["opt:int", "opt:str"], "uniq": ["opt:prop"], "upcase": [], "url_decode": [],
    "url_encode": [], "where": ["prop", "opt:any"],
}
# Newer than Ruby Liquid 5.4 (known differences; generated rarely).
NEWER_FILTERS = {"sum": ["opt:prop"], "find": ["prop", "any"], "find_index": ["prop", "any"],
                 "has": ["prop", "opt:any"], "reject": ["prop", "opt:any"], "squish": []}
OPERATORS = ["==", "!=", "<>", "<", ">", "<=", ">=", "contains"]
TEXT = ["", " ", "\n", "  \n  ", "x", "Hello", ", ", "<p>", "é", "\t", "-", "|", "{", "}", "%", "a b c"]


class Generator:
    def __init__(self, seed):
        self.seed = seed

    def case(self, index):
        rng = random.Random(f"{self.seed}:{index}")
        return CaseBuilder(rng).build()


class CaseBuilder:
    def __init__(self, rng):
        self.r = rng
        self.data = {}
        self.paths = []         # (path text, kind) of values that exist
        self.locals = []        # names assigned/captured/looped so far
        self.partials = {}
        self.depth = 0
        self.in_loop = 0
        self.mode = "lax"
        self.quirks = False

    # ---- data ------------------------------------------------------------------------------

    def scalar(self):
        r = self.r
        kind = r.random()
        if kind < 0.3:
            return r.choice(NUMBERS) if r.random() < 0.7 else r.randint(-1000, 1000)
        if kind < 0.65:
            return r.choice(WORDS)
        if kind < 0.75:
            return r.choice(DATES)
        if kind < 0.85:
            return r.choice([True, False])
        if kind < 0.9:
            return None
        return r.choice(["", "0", "3.7", "-12", "1e3", " 5 "])

    def value(self, depth=0):
        r = self.r
        roll = r.random()
        if depth >= 3 or roll < 0.55:
            return self.scalar()
        if roll < 0.8:
            n = r.randint(0, 5)
            if r.random() < 0.5:  # records with shared keys: map/where/sort by property work
                keys = r.sample(KEYS, r.randint(1, 4))
                return [{k: self.scalar() if k != "tags" else [r.choice(WORDS) for _ in range(r.randint(0, 3))]
                         for k in keys} for _ in range(n)]
            return [self.value(depth + 1) for _ in range(n)]
        return {k: self.value(depth + 1) for k in r.sample(KEYS, r.randint(0, 4))}

    def make_data(self):
        r = self.r
        names = ["a", "b", "c", "n", "x", "s", "t", "arr", "h", "items", "user", "products", "empty_s", "d"]
        for name in r.sample(names, r.randint(4, len(names))):
            self.data[name] = self.value()
        self.data.setdefault("arr", [r.choice(NUMBERS + WORDS) for _ in range(r.randint(0, 5))])
        self.data.setdefault("h", {"k": r.choice(WORDS), "n": r.choice(NUMBERS)})
        if r.random() < 0.3:  # a bignum or an edge number, rarely
            self.data["big"] = r.choice([9223372036854775807, -9223372036854775808, 2 ** 64, 1e308, -0.0])
        for name, value in self.data.items():
            self.collect_paths(name, value, 0)

    def collect_paths(self, path, value, depth):
        kind = ("nil" if value is None else "bool" if isinstance(value, bool) else
                "num" if isinstance(value, (int, float)) else "str" if isinstance(value, str) else
                "arr" if isinstance(value, list) else "hash")
        self.paths.append((path, kind))
        if depth >= 2:
            return
        if isinstance(value, list) and value:
            self.paths.append((path + ".size", "num"))
            self.collect_paths(path + ".first", value[0], depth + 1)
            self.collect_paths(path + "[-1]", value[-1], depth + 1)
            i = self.r.randrange(len(value))
            self.collect_paths(f"{path}[{i}]", value[i], depth + 1)
        elif isinstance(value, dict):
            for k, v in value.items():
                self.collect_paths(f"{path}.{k}" if self.r.random() < 0.7 else f'{path}["{k}"]', v, depth + 1)

    # ---- expressions -----------------------------------------------------------------------

    def string_literal(self, text=None):
        text = self.r.choice(WORDS) if text is None else text
        text = text.replace("\n", " ")
        if "'" not in text:
            return f"'{text}'"
        if '"' not in text:
            return f'"{text}"'
        return "'x'"

    def variable(self, kinds=None):
        r = self.r
        choices = [p for p, k in self.paths if kinds is None or k in kinds]
        if self.locals and r.random() < 0.35:
            return r.choice(self.locals)
        if choices and r.random() < 0.9:
            return r.choice(choices)
        return r.choice(["missing", "nothing.here", "arr[99]", "h.k.k", "user.name", "x.size", "s.first"])

    def literal(self):
        r = self.r
        roll = r.random()
        if roll < 0.35:
            return self.string_literal()
        if roll < 0.7:
            return str(r.choice(NUMBERS))
        if roll < 0.85:
            return r.choice(["true", "false", "nil", "null", "empty", "blank"])
        lo, hi = r.randint(-2, 3), r.randint(0, 6)
        if r.random() < 0.3:
            return f"({self.variable(['num', 'str'])}..{hi})"
        return f"({lo}..{hi})"

    def operand(self):
        return self.variable() if self.r.random() < 0.6 else self.literal()

    def argument(self, kind):
        r = self.r
        if kind == "num":
            return r.choice([str(r.choice(NUMBERS)), self.variable(["num"]), self.string_literal(r.choice(["3", "2.5", "x"]))])
        if kind == "int":
            return r.choice([str(r.randint(-3, 8)), self.variable(["num"])])
        if kind == "str":
            return r.choice([self.string_literal(), self.variable(["str"])])
        if kind == "sep":
            return self.string_literal(r.choice([", ", "-", "", " ", "a", ","]))
        if kind == "prop":
            return self.string_literal(r.choice(FILTER_PROPS))
        if kind == "fmt":
            return self.string_literal(r.choice(DATE_FORMATS))
        if kind == "arr":
            return self.variable(["arr"]) if r.random() < 0.8 else self.operand()
        return self.operand()

    def filter_call(self):
        r = self.r
        table = NEWER_FILTERS if r.random() < 0.04 else FILTERS
        name = r.choice(sorted(table))
        args = []
        for spec in table[name]:
            optional = spec.startswith("opt:")
            if optional and r.random() < 0.5:
                break
            args.append(self.argument(spec.removeprefix("opt:")))
        if r.random() < 0.05:  # wrong arity
            args = args[:-1] if args and r.random() < 0.5 else args + [self.operand()]
        if name == "default" and r.random() < 0.3:
            args.append(f"allow_false: {r.choice(['true', 'false'])}")
        if not args:
            return f"| {name}"
        return f"| {name}: {', '.join(args)}"

    def filtered(self, max_filters=3):
        r = self.r
        base = self.operand()
        chain = " ".join(self.filter_call() for _ in range(r.choice([0, 1, 1, 2, max_filters])))
        return f"{base} {chain}".strip()

    def condition(self):
        r = self.r
        parts = []
        for i in range(r.choice([1, 1, 1, 2, 3])):
            if i:
                parts.append(r.choice(["and", "or"]))
            if r.random() < 0.35:
                parts.append(self.operand())
            else:
                parts.append(f"{self.operand()} {r.choice(OPERATORS)} {self.operand()}")
        return " ".join(parts)

    # ---- markup ----------------------------------------------------------------------------

    def tag(self, markup):
        r = self.r
        left = "{%-" if r.random() < 0.15 else "{%"
        right = "-%}" if r.random() < 0.15 else "%}"
        pad = " " if r.random() < 0.9 else ""
        return f"{left}{pad}{markup}{pad}{right}"

    def output(self, markup):
        r = self.r
        left = "{{-" if r.random() < 0.15 else "{{"
        right = "-}}" if r.random() < 0.15 else "}}"
        pad = " " if r.random() < 0.9 else ""
        return f"{left}{pad}{markup}{pad}{right}"

    def quirk(self):
        """Malformed markup that lax mode tolerates (or rejects) in its own ways."""
        r = self.r
        v = self.variable()
        return r.choice([
            self.output(f"{v} {self.variable()}"), self.output(f"{v} | upcase foo"),
            self.output(f"{v} | plus 1"), self.output(f"{v} || upcase"), self.output(f"{v} |"),
            self.output(f"{v} | join ', '"), self.output("'unterminated"), self.output(f"{v}."),
            self.output(""), self.output(f"-{v}"), self.output(f"{v}-1"), self.output("1 2 3"),
            self.output(f"{v} | truncate: 5 'x'"), self.output(f"{v}[\"k\"]x"),
            self.output(f"{v}|upcase|downcase"), self.output(f"{v} | default: "),
            self.output(f"{v} | slice: 1,"), self.output(f"{v} | , upcase"),
            self.tag(f"if {v} = 1") + "y" + self.tag("endif"),
            self.tag(f"if {v} ==") + "y" + self.tag("endif"),
            self.tag(f"if {v} and") + "y" + self.tag("endif"),
            self.tag(f"unless {v} {v}") + "y" + self.tag("endunless"),
            self.tag(f"for i in {self.variable(['arr'])} limit:2 offset:1") + "{{ i }}" + self.tag("endfor"),
            self.tag(f"for i in {self.variable(['arr'])} limit 2") + "{{ i }}" + self.tag("endfor"),
            self.tag(f"assign q = {v} | | upcase") + "{{ q }}", self.tag(f"assign q = {v} {v}") + "{{ q }}",
            self.tag("cycle a b") + self.tag("cycle a b"), self.tag(f"echo {v} {v}"),
            self.tag(f"case {v} {v}") + self.tag("when 1") + "one" + self.tag("endcase"),
            self.tag(f"  if   {v}  ") + "z" + self.tag("  endif  "),
            self.tag(f"include '{self.partial_name()}' {v}"),
        ])

    def text(self):
        return self.r.choice(TEXT)

    def partial_name(self):
        """A partial to include or render. Partials only name partials finished before them, so
        there is no cycle; one name in ten is missing on purpose."""
        r = self.r
        if r.random() < 0.1:
            return "missing_partial"
        finished = sorted(n for n, source in self.partials.items() if source is not None)
        if finished and (r.random() < 0.6 or len(self.partials) >= 3):
            return r.choice(finished)
        name = f"p{len(self.partials) + 1}"
        self.partials[name] = None
        saved = (self.locals, self.in_loop, self.depth)
        self.locals, self.in_loop, self.depth = ["v", "item", "p"], 0, 2
        self.partials[name] = self.block(r.randint(1, 3))
        self.locals, self.in_loop, self.depth = saved
        return name

    def node(self):
        r = self.r
        if self.quirks and r.random() < 0.12:
            return self.quirk()
        roll = r.random()
        if roll < 0.25:
            return self.text()
        if roll < 0.5 or self.depth >= 3:
            if self.depth >= 3 and r.random() < 0.3:
                return self.text()
            return self.output(self.filtered())
        self.depth += 1
        try:
            return r.choice(self.TAGS)(self)
        finally:
            self.depth -= 1

    def block(self, n=None):
        n = self.r.randint(1, 4) if n is None else n
        return "".join(self.node() for _ in range(n))

    def new_local(self):
        name = self.r.choice(["v", "w", "tmp", "out", "a", "x", "item"])
        if name not in self.locals:
            self.locals.append(name)
        return name

    # Tags. Each returns markup; nested bodies come from block().
    def t_assign(self):
        expr = self.filtered()
        return self.tag(f"assign {self.new_local()} = {expr}")

    def t_capture(self):
        body = self.block()
        return self.tag(f"capture {self.new_local()}") + body + self.tag("endcapture")

    def t_if(self):
        r = self.r
        out = self.tag(f"if {self.condition()}") + self.block()
        for _ in range(r.choice([0, 0, 1, 2])):
            out += self.tag(f"elsif {self.condition()}") + self.block()
        if r.random() < 0.5:
            out += self.tag("else") + self.block()
        return out + self.tag("endif")

    def t_unless(self):
        out = self.tag(f"unless {self.condition()}") + self.block()
        if self.r.random() < 0.4:
            out += self.tag("else") + self.block()
        return out + self.tag("endunless")

    def t_case(self):
        r = self.r
        out = self.tag(f"case {self.operand()}") + (self.text() if r.random() < 0.3 else "")
        for _ in range(r.randint(1, 3)):
            values = [self.operand() for _ in range(r.choice([1, 1, 2, 3]))]
            out += self.tag("when " + r.choice([", ", " or "]).join(values)) + self.block()
        if r.random() < 0.5:
            out += self.tag("else") + self.block()
        return out + self.tag("endcase")

    def collection(self):
        r = self.r
        roll = r.random()
        if roll < 0.5:
            return self.variable(["arr", "hash", "str"] if r.random() < 0.9 else None)
        if roll < 0.85:
            return f"({r.randint(-1, 2)}..{r.randint(0, 5)})"
        return f"(1..{self.variable(['num'])})"

    def loop_options(self, tablerow=False):
        r = self.r
        opts = []
        if tablerow and r.random() < 0.6:
            opts.append(f"cols: {r.choice(['1', '2', '3', '0', self.variable(['num'])])}")
        if r.random() < 0.3:
            opts.append(f"limit: {r.choice(['0', '1', '2', '3', self.variable(['num'])])}")
        if r.random() < 0.3:
            opts.append(f"offset: {r.choice(['0', '1', '2', 'continue' if not tablerow else '1'])}")
        if not tablerow and r.random() < 0.2:
            opts.append("reversed")
        r.shuffle(opts)
        if "reversed" in opts:  # Ruby wants it right after the collection
            opts.remove("reversed")
            opts.insert(0, "reversed")
        return (" " + " ".join(opts)) if opts else ""

    def loop_body(self, var, loop_object):
        r = self.r
        self.locals.append(var)
        self.in_loop += 1
        try:
            parts = [self.block()]
            if r.random() < 0.6:
                field = r.choice(["index", "index0", "rindex", "rindex0", "first", "last", "length"]
                                 + (["col", "col0", "col_first", "col_last", "row"] if loop_object == "tablerowloop" else
                                    ["parentloop.index", "name"] if r.random() < 0.2 else []))
                parts.append(self.output(f"{loop_object}.{field}"))
            if loop_object == "forloop" and r.random() < 0.25:
                parts.append(self.tag(f"if {self.condition()}") + self.tag(r.choice(["break", "continue"])) + self.tag("endif"))
            if r.random() < 0.2:
                parts.append(self.t_cycle())
            r.shuffle(parts)
            return "".join(parts)
        finally:
            self.in_loop -= 1
            self.locals.remove(var)

    def t_for(self):
        r = self.r
        var = r.choice(["i", "item", "v"])
        out = self.tag(f"for {var} in {self.collection()}{self.loop_options()}") + self.loop_body(var, "forloop")
        if r.random() < 0.3:
            out += self.tag("else") + self.block()
        return out + self.tag("endfor")

    def t_tablerow(self):
        var = self.r.choice(["i", "cell"])
        return (self.tag(f"tablerow {var} in {self.collection()}{self.loop_options(True)}")
                + self.loop_body(var, "tablerowloop") + self.tag("endtablerow"))

    def t_cycle(self):
        r = self.r
        values = ", ".join(self.operand() if r.random() < 0.3 else self.string_literal(r.choice(["odd", "even", "a", "b", "c"]))
                           for _ in range(r.randint(1, 3)))
        group = r.choice(["", "", "'g': ", "g: "])
        return self.tag(f"cycle {group}{values}")

    def t_counter(self):
        return self.tag(f"{self.r.choice(['increment', 'decrement'])} {self.r.choice(['c1', 'c2', 'a', 'n'])}")

    def t_raw(self):
        inner = self.r.choice(["{{ a }}", "{% if %}", "plain", "{{", "%}", "{% endraw"])
        return self.tag("raw") + inner + self.tag("endraw")

    def t_comment(self):
        r = self.r
        inner = r.choice(["note", "{{ a }}", "x {% if a %}y{% endif %} z", ""])
        if r.random() < 0.05:  # Ruby 5.4 parses tags inside comments
            inner = "{% if ... %}{%- for ? -%}"
        return self.tag("comment") + inner + self.tag("endcomment")

    def t_inline_comment(self):
        return self.tag(self.r.choice(["# a note", "#", "# {{ x }}", "#no space"]))

    def t_echo(self):
        return self.tag(f"echo {self.filtered()}")

    def t_liquid(self):
        r = self.r
        v = self.new_local()
        lines = [f"assign {v} = {self.filtered(2)}", f"echo {self.filtered(2)}"]
        if r.random() < 0.5:
            lines += [f"if {self.condition()}", f"  echo {self.operand()}", "else", f"  echo {v}", "endif"]
        if r.random() < 0.4:
            lines += [f"for i in (1..{r.randint(0, 3)})", "  echo i", "endfor"]
        if r.random() < 0.3:
            lines += ["case " + self.operand(), "when 1", "  echo 'one'", "endcase"]
        if r.random() < 0.2:
            lines += ["# inline comment"]
        return self.tag("liquid\n" + "\n".join(lines) + "\n")

    def t_include(self):
        r = self.r
        name = self.partial_name()
        extra = r.choice(["", "", f" with {self.operand()}", f" with {self.operand()} as v",
                          f" for {self.variable(['arr'])} as item", f", v: {self.operand()}",
                          f" v: {self.operand()}, p: {self.literal()}"])
        return self.tag(f"include '{name}'{extra}")

    def t_render(self):
        r = self.r
        name = self.partial_name()
        extra = r.choice(["", f", v: {self.operand()}", f" with {self.operand()} as v",
                          f" for {self.variable(['arr'])} as item", f", v: {self.operand()}, p: {self.literal()}"])
        return self.tag(f"render '{name}'{extra}")

    def t_ifchanged(self):
        return self.tag("ifchanged") + self.block(1) + self.tag("endifchanged")

    def t_doc(self):  # newer than 5.4: rare
        if self.r.random() < 0.9:
            return self.t_inline_comment()
        return self.tag("doc") + "@param x" + self.tag("enddoc")

    TAGS = [t_assign, t_assign, t_capture, t_if, t_if, t_unless, t_case, t_for, t_for, t_tablerow,
            t_cycle, t_counter, t_raw, t_comment, t_inline_comment, t_echo, t_liquid, t_include,
            t_render, t_ifchanged, t_doc]

    def build(self):
        r = self.r
        self.make_data()
        roll = r.random()
        self.mode = "strict" if roll < 0.12 else "lax"
        self.quirks = r.random() < 0.3
        template = self.block(r.randint(1, 6))
        return {"template": template, "data": self.data, "partials": self.partials, "mode": self.mode}
