using HipaaDev.Analyzers.Tests.Infrastructure;
using HipaaDev.Analyzers.Tests.Sinks;
using Microsoft.CodeAnalysis;

namespace HipaaDev.Analyzers.Tests.Robustness;

/// <summary>
/// Code the analyzer cannot fully understand (missing references, syntax errors, half-typed expressions, wrong
/// arguments) and code that is merely extreme (recursion, deep nesting, huge methods): no analyzer exception.
/// </summary>
public sealed class BrokenCodeTests
{
    private static readonly string[] s_allSamples =
    {
        SinkSamples.SystemNetMail, SinkSamples.MimeKit, SinkSamples.SendGrid, SinkSamples.Twilio, SinkSamples.MicrosoftGraph,
        SinkSamples.Aws, SinkSamples.Azure, SinkSamples.Vonage, SinkSamples.FluentEmail, SinkSamples.Patient,
        StandIns.Aws, StandIns.Azure, StandIns.Vonage, StandIns.FluentEmail,
    };

    public static TheoryData<string> ReferenceSets => new() { "framework only", "no annotations", "no SDKs and no annotations", "nothing at all" };

    [Theory]
    [MemberData(nameof(ReferenceSets))]
    public async Task AllSamples_WithMissingReferences_AnalyzeWithoutException(string referenceSet)
    {
        var annotations = typeof(HipaaDev.Annotations.PhiAttribute).Assembly.Location;
        var framework = Basic.Reference.Assemblies.Net100.References.All.Cast<MetadataReference>().ToList();
        var references = referenceSet switch
        {
            "framework only" => framework.Append(MetadataReference.CreateFromFile(annotations)),
            "no annotations" => TestReferences.All.Where(r => r.Display != annotations),
            "no SDKs and no annotations" => framework,
            _ => Enumerable.Empty<MetadataReference>(),
        };
        var compilation = AnalyzerRunner.Compile(references, s_allSamples);

        var outcome = await AnalyzerRunner.AnalyzeAllAsync(compilation);

        AnalyzerRunner.AssertNoCrash(outcome, $"the samples compiled with {referenceSet}");
        Assert.Contains(outcome.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
    }

    [Theory]
    [InlineData("half-typed member access", "var text = p.;\nMessageResource.Create(to: new PhoneNumber(p.Phone), body: p.);")]
    [InlineData("half-typed argument list", "MessageResource.Create(to: new PhoneNumber(p.Phone), body: p.Diagnosis")]
    [InlineData("missing argument value", "MessageResource.Create(to: new PhoneNumber(p.Phone), body: );")]
    [InlineData("misspelled named argument", "MessageResource.Create(to: new PhoneNumber(p.Phone), bdy: p.Diagnosis);")]
    [InlineData("named argument given twice", "MessageResource.Create(to: new PhoneNumber(p.Phone), body: p.Name, body: p.Diagnosis);")]
    [InlineData("positional after named", "MessageResource.Create(body: p.Diagnosis, new PhoneNumber(p.Phone));")]
    [InlineData("too many arguments", "MessageResource.Create(new PhoneNumber(p.Phone), p.Diagnosis, p.Name, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30);")]
    [InlineData("unknown sink member", "MessageResource.Creat(to: new PhoneNumber(p.Phone), body: p.Diagnosis);")]
    [InlineData("wrong argument type", "MessageResource.Create(to: p.Diagnosis, body: p);")]
    [InlineData("unbalanced braces", "if (p is not null) { { MessageResource.Create(to: new PhoneNumber(p.Phone), body: p.Diagnosis);")]
    [InlineData("unterminated interpolation", "MessageResource.Create(to: new PhoneNumber(p.Phone), body: $\"Dx {p.Diagnosis);")]
    [InlineData("assignment to a sink property of an unknown type", "var m = new Nope { Body = p.Diagnosis }; m.Body += p.Name;")]
    [InlineData("object initializer on a sink with a bad member", "var o = new CreateMessageOptions(new PhoneNumber(p.Phone)) { Body = p.Diagnosis, Bodyy = p.Name, };")]
    [InlineData("lambda assigned to var", "var f = x => MessageResource.Create(to: new PhoneNumber(p.Phone), body: x); f(p.Diagnosis);")]
    [InlineData("local function never closed", "void Local(string s) { MessageResource.Create(to: new PhoneNumber(p.Phone), body: s); Local(p.Diagnosis);")]
    [InlineData("goto an unknown label", "goto nowhere; MessageResource.Create(to: new PhoneNumber(p.Phone), body: p.Diagnosis);")]
    [InlineData("throw expression as body", "MessageResource.Create(to: new PhoneNumber(p.Phone), body: p.Diagnosis ?? throw null);")]
    [InlineData("default literal and nameof", "MessageResource.Create(to: default, body: nameof(p.Diagnosis) + default(string) + p.Diagnosis![0]);")]
    [InlineData("stray preprocessor and attributes", "#if\n[Phi] MessageResource.Create(to: new PhoneNumber(p.Phone), body: p.Diagnosis);\n#endregion")]
    [InlineData("await outside async", "await MessageResource.CreateAsync(to: new PhoneNumber(p.Phone), body: p.Diagnosis);")]
    [InlineData("ref and out of a property", "Fill(out p.Diagnosis); ref var r = ref p.Diagnosis; MessageResource.Create(to: new PhoneNumber(p.Phone), body: r);")]
    [InlineData("using declaration of an unknown type", "using var x = new Nope(); MessageResource.Create(to: new PhoneNumber(p.Phone), body: p.Diagnosis);")]
    [InlineData("using declaration without a value", "using System.IDisposable d; MessageResource.Create(to: new PhoneNumber(p.Phone), body: p.Diagnosis);")]
    [InlineData("using declaration of a string", "using var s = p.Diagnosis; MessageResource.Create(to: new PhoneNumber(p.Phone), body: s);")]
    [InlineData("await using outside async", "await using var w = new System.IO.StringWriter(); w.Write(p.Diagnosis); MessageResource.Create(to: new PhoneNumber(p.Phone), body: w.ToString());")]
    public async Task BrokenSendStatement_AnalyzesWithoutException(string what, string statements)
    {
        var outcome = await AnalyzerRunner.AnalyzeSourcesAsync(InSender(statements));

        AnalyzerRunner.AssertNoCrash(outcome, what);
    }

    [Theory]
    [InlineData("[ApprovedChannel] without a name", "[ApprovedChannel] public void Send(Patient p) { }")]
    [InlineData("[ApprovedChannel(null)]", "[ApprovedChannel(null)] public void Send(Patient p) { MessageResource.Create(to: new PhoneNumber(p.Phone), body: p.Diagnosis); }")]
    [InlineData("[ApprovedChannel(42)]", "[ApprovedChannel(42)] public void Send(Patient p) { MessageResource.Create(to: new PhoneNumber(p.Phone), body: p.Diagnosis); }")]
    [InlineData("[ApprovedChannel] with a named argument that does not exist", "[ApprovedChannel(\"secure-email\", Gateway = \"x\")] public void Send(Patient p) { }")]
    [InlineData("[Phi] on a method", "[Phi] public string Name() => \"\"; public void Send(Patient p) { MessageResource.Create(to: new PhoneNumber(p.Phone), body: Name()); }")]
    [InlineData("[PhiSanitizer] on a property", "[PhiSanitizer] public string Clean => \"\"; public void Send(Patient p) { MessageResource.Create(to: new PhoneNumber(p.Phone), body: Clean + p.Name); }")]
    [InlineData("[PhiSanitizer] on a void method", "[PhiSanitizer] public void Clean(string s) { } public void Send(Patient p) { MessageResource.Create(to: new PhoneNumber(p.Phone), body: Clean(p.Name)); }")]
    [InlineData("unknown attribute type", "[Phii] public string X { get; set; } public void Send(Patient p) { MessageResource.Create(to: new PhoneNumber(p.Phone), body: X); }")]
    [InlineData("a user type named like a sink", "public class MessageResource { public static void Create(string body) { } } public void Send(Patient p) { MessageResource.Create(p.Diagnosis); }")]
    [InlineData("partial method without body", "partial void Sending(string text); public void Send(Patient p) { Sending(p.Diagnosis); }")]
    [InlineData("abstract and extern helpers", "public extern string Ext(string s); public void Send(Patient p) { MessageResource.Create(to: new PhoneNumber(p.Phone), body: Ext(p.Name)); }")]
    [InlineData("indexer and operator with PHI", "public string this[Patient p] => p.Diagnosis; public static string operator +(Sender s, Patient p) => p.Name; public void Send(Patient p) { MessageResource.Create(to: new PhoneNumber(p.Phone), body: this[p] + (this + p)); }")]
    [InlineData("a method with 40 parameters, the last ones PHI", "public void Many(string a0, string a1, string a2, string a3, string a4, string a5, string a6, string a7, string a8, string a9, string b0, string b1, string b2, string b3, string b4, string b5, string b6, string b7, string b8, string b9, string c0, string c1, string c2, string c3, string c4, string c5, string c6, string c7, string c8, string c9, string d0, string d1, string d2, string d3, string d4, string d5, string d6, string d7, string d8, [Phi] string d9) { MessageResource.Create(to: new PhoneNumber(a0), body: d8 + d9); } public void Send(Patient p) => Many(p.Phone, p.Phone, p.Phone, p.Phone, p.Phone, p.Phone, p.Phone, p.Phone, p.Phone, p.Phone, p.Phone, p.Phone, p.Phone, p.Phone, p.Phone, p.Phone, p.Phone, p.Phone, p.Phone, p.Phone, p.Phone, p.Phone, p.Phone, p.Phone, p.Phone, p.Phone, p.Phone, p.Phone, p.Phone, p.Phone, p.Phone, p.Phone, p.Phone, p.Phone, p.Phone, p.Phone, p.Phone, p.Phone, p.Diagnosis, p.Diagnosis);")]
    [InlineData("a user Redactor that is not the library's", "public abstract class Redactor { public abstract string Redact(string s); } public void Send(Patient p, Redactor r) { MessageResource.Create(to: new PhoneNumber(p.Phone), body: r.Redact(p.Diagnosis)); }")]
    [InlineData("a Redact call on an unknown type", "public void Send(Patient p, Nope r) { MessageResource.Create(to: new PhoneNumber(p.Phone), body: r.Redact(p.Diagnosis)); }")]
    [InlineData("a user type named Content held as Subject", "public class Content { public string Data { get; set; } } public class Message { public Content Subject { get; set; } } public void Send(Patient p) { var m = new Message { Subject = new Content { Data = p.Diagnosis } }; MessageResource.Create(to: new PhoneNumber(p.Phone), body: m.Subject.Data); }")]
    [InlineData("[Phi] from an assembly that does not exist", "[Missing.Phi] public string X { get; set; } [global::Nope.PhiSanitizer] public string Y(string s) => s; public void Send(Patient p) { MessageResource.Create(to: new PhoneNumber(p.Phone), body: Y(X) + p.Diagnosis); }")]
    [InlineData("a constructor that calls itself", "public Sender(Patient p) : this(p) { MessageResource.Create(to: new PhoneNumber(p.Phone), body: p.Diagnosis); }")]
    [InlineData("a constructor initializer to a base that does not take it", "public Sender(Patient p) : base(p, 1) { MessageResource.Create(to: new PhoneNumber(p.Phone), body: p.Diagnosis); }")]
    [InlineData("[ApprovedChannel] on a parameter and a return value", "[return: ApprovedChannel(\"x\")] public string Send([ApprovedChannel(\"y\")] Patient p) => p.Name;")]
    [InlineData("an unfinished attribute on a lambda", "public void Send(Patient p) { System.Action a = [ApprovedChannel(] () => MessageResource.Create(to: new PhoneNumber(p.Phone), body: p.Diagnosis); }")]
    [InlineData("a disposable that sends, disposed in a loop and in a switch", "public sealed class Batch : System.IDisposable { public string Text = \"\"; public void Dispose() => MessageResource.Create(to: new PhoneNumber(\"+1\"), body: Text); } public void Send(Patient p) { for (var i = 0; i < 3; i++) { using var b = new Batch { Text = p.Diagnosis }; } switch (p.Phone) { case \"x\": using (var c = new Batch()) { c.Text = p.Name; } break; } }")]
    [InlineData("a field declaration with an unfinished second declarator", "private readonly MessageResource _a = MessageResource.Create(to: new PhoneNumber(\"+1\"), body: \"x\"), ;")]
    [InlineData("a field initializer that sends, of an unknown type, with an escape at the end", "private static readonly Patient s_p = new Patient(); private readonly Nope _n = MessageResource.Create(to: new PhoneNumber(\"+1\"), body: s_p.Diagnosis) \\u")]
    [InlineData("two fields of the same name, both sending", "private static readonly Patient s_p = new Patient(); private readonly object _x = MessageResource.Create(to: new PhoneNumber(\"+1\"), body: s_p.Name); private readonly object _x = MessageResource.Create(to: new PhoneNumber(\"+1\"), body: s_p.Diagnosis);")]
    [InlineData("a virtual call on a receiver of an error type", "public abstract class C { public abstract void Go(string s); } public sealed class D : C { public override void Go(string s) => MessageResource.Create(to: new PhoneNumber(\"+1\"), body: s); } public void Send(Patient p, Nope n) { ((C)n).Go(p.Diagnosis); n.Go(p.Diagnosis); }")]
    [InlineData("an await using of an async disposable with an unfinished DisposeAsync", "public sealed class A : System.IAsyncDisposable { public System.Threading.Tasks.ValueTask DisposeAsync( } public async System.Threading.Tasks.Task Send(Patient p) { await using var a = new A(); MessageResource.Create(to: new PhoneNumber(p.Phone), body: p.Diagnosis); }")]
    [InlineData("a sender before a helper whose body is unfinished", "public void Send(Patient p) => MessageResource.Create(to: new PhoneNumber(p.Phone), body: Line(p)); private string Line(Patient p) => ")]
    [InlineData("a sender before a partial helper, in a class that is not partial", "public void Send(Patient p) => MessageResource.Create(to: new PhoneNumber(p.Phone), body: Line(p)); private partial string Line(Patient p); private partial string Line(Patient p) => p.Diagnosis;")]
    [InlineData("a sender before two helpers of the same signature", "public void Send(Patient p) => MessageResource.Create(to: new PhoneNumber(p.Phone), body: Line(p)); private string Line(Patient p) => p.Name; private string Line(Patient p) => p.Diagnosis;")]
    [InlineData("attribute lists without names", "[] [ : ] [global::] [ApprovedChannel(\"fax\"), ] public void Send(Patient p) { }")]
    [InlineData("a sender before a property with both an expression body and accessors", "public void Send(Patient p) => MessageResource.Create(to: new PhoneNumber(p.Phone), body: Line + p.Diagnosis); private string Line { get => \"a\"; set { } } => \"b\";")]
    [InlineData("a sender that names itself and an accessor without a body", "public void Send(Patient p) { Send(p); MessageResource.Create(to: new PhoneNumber(p.Phone), body: Line + p.Diagnosis); } private string Line { get; } = Send;")]
    public async Task OddDeclarations_AnalyzeWithoutException(string what, string members)
    {
        var outcome = await AnalyzerRunner.AnalyzeSourcesAsync(InSenderClass(members));

        AnalyzerRunner.AssertNoCrash(outcome, what);
    }

    // The send index reads text in pieces cut at whitespace; a body with 40,000 characters and no whitespace, an
    // escape among them, must still be read to its end.
    [Fact]
    public async Task BodyWithoutWhitespaceLongerThanTheIndexReadsAtOnce_AnalyzesWithoutException_AndStillReports()
    {
        var noSpace = "var s=\"" + new string('x', 20_000) + "\\u0041" + new string('y', 20_000) + "\";";
        var outcome = await AnalyzerRunner.AnalyzeSourcesAsync(InSender(noSpace + "MessageResource.Create(to:new PhoneNumber(p.Phone),body:s+p.Diagnosis);"));

        AnalyzerRunner.AssertNoCrash(outcome, "a 40,000-character body without whitespace");
        Assert.Contains(outcome.Diagnostics, d => d.Id == "HIPAA001" && Expect.SourceNamedBy(d) == "Patient.Diagnosis");
    }

    // The same for a field initializer, whose block the index did not read and is checked by its text in the same pieces.
    [Fact]
    public async Task FieldInitializerWithoutWhitespaceLongerThanOnePiece_AnalyzesWithoutException_AndStillReports()
    {
        var noSpace = "private static readonly Patient s_p=new Patient();private readonly object _sent=MessageResource.Create(to:new PhoneNumber(\"+1\"),body:\""
            + new string('x', 20_000) + "\\u0041" + new string('y', 20_000) + "\"+s_p.Diagnosis);";
        var outcome = await AnalyzerRunner.AnalyzeSourcesAsync(InSenderClass(noSpace));

        AnalyzerRunner.AssertNoCrash(outcome, "a 40,000-character field initializer without whitespace");
        Assert.Contains(outcome.Diagnostics, d => d.Id == "HIPAA001" && Expect.SourceNamedBy(d) == "Patient.Diagnosis");
    }

    // A block waits for every block declared under a name it mentions: 1,500 types declaring the same two names make
    // every sender's list as long as the index allows.
    [Fact]
    public async Task FifteenHundredNamesakes_AnalyzeWithoutException_AndStillReport()
    {
        var types = new System.Text.StringBuilder("using Twilio.Rest.Api.V2010.Account;\nusing Twilio.Types;\nnamespace Clinic\n{\n");
        for (var i = 0; i < 1_500; i++)
        {
            types.AppendLine($"    public sealed class Notice{i} {{ public void Send(Patient p) => MessageResource.Create(to: new PhoneNumber(p.Phone), body: Line(p)); private string Line(Patient p) => {(i == 1_499 ? "p.Diagnosis" : "\"Notice\"")}; }}");
        }

        types.AppendLine("}");
        var outcome = await AnalyzerRunner.AnalyzeSourcesAsync(types.ToString());

        AnalyzerRunner.AssertNoCrash(outcome, "1,500 types declaring Send and Line");
        Assert.Single(outcome.Diagnostics, d => d.Id == "HIPAA001" && Expect.SourceNamedBy(d) == "Patient.Diagnosis");
    }

    [Fact]
    public async Task RecursiveHelpers_AnalyzeWithoutException_AndStillReport()
    {
        var outcome = await AnalyzerRunner.AnalyzeSourcesAsync(InSenderClass("""
            public void Send(Patient p) => Ping(p.Diagnosis, 10);
            public void SendToo(Patient p) => Forever(p.Diagnosis);
            public void SendGeneric(Patient p) => Deep<int>(p.Diagnosis, 3);
            private void Ping(string text, int n) { if (n > 0) Pong(text + n, n - 1); else MessageResource.Create(to: new PhoneNumber("+1"), body: text); }
            private void Pong(string text, int n) => Ping(text, n);
            private string Forever(string text) => Forever(text + "!");
            private void Deep<T>(string text, int n) { if (n == 0) { MessageResource.Create(to: new PhoneNumber("+1"), body: text); return; } Deep<System.Collections.Generic.List<T>>(text, n - 1); }
            """));

        AnalyzerRunner.AssertNoCrash(outcome, "mutually recursive, infinitely recursive and generically recursive helpers");
        Assert.Contains(outcome.Diagnostics, d => d.Id == "HIPAA001" && Expect.SourceNamedBy(d) == "Patient.Diagnosis");
    }

    [Fact]
    public async Task DelegatesInFields_ThatCallThemselvesOrAreBroken_AnalyzeWithoutException_AndStillReport()
    {
        var outcome = await AnalyzerRunner.AnalyzeSourcesAsync(InSenderClass("""
            private System.Func<string, string> _self;
            private System.Func<string, string> _ping;
            private System.Func<string, string> _pong;
            private System.Func<string, string> _broken = x => x +;
            private System.Func<string, string> _nothing = null;
            private readonly System.Func<Patient, string> _format = p => $"About {p.Diagnosis}";
            public Sender() { _self = t => _self(t + "!"); _ping = t => _pong(t); _pong = t => _ping(t); _self = _self; }
            public void Send(Patient p)
            {
                MessageResource.Create(to: new PhoneNumber("+1"), body: _self(p.Diagnosis));
                MessageResource.Create(to: new PhoneNumber("+1"), body: _ping(p.FirstName));
                MessageResource.Create(to: new PhoneNumber("+1"), body: _broken(p.FirstName) + _nothing(p.FirstName) + _missing(p.FirstName));
                MessageResource.Create(to: new PhoneNumber("+1"), body: _format(p));
            }
            """));

        AnalyzerRunner.AssertNoCrash(outcome, "self-referencing, mutually recursive, broken and unassigned delegate fields");
        Assert.Contains(outcome.Diagnostics, d => d.Id == "HIPAA001" && Expect.SourceNamedBy(d) == "Patient.Diagnosis");
    }

    [Fact]
    public async Task DeeplyNestedLambdas_AnalyzeWithoutException()
    {
        var outcome = await AnalyzerRunner.AnalyzeSourcesAsync(GeneratedSources.NestedLambdas(60));

        AnalyzerRunner.AssertNoCrash(outcome, "60 nested lambdas");
    }

    [Fact]
    public async Task FiveThousandStatementMethod_AnalyzesWithoutException_AndReportsTheSend()
    {
        var outcome = await AnalyzerRunner.AnalyzeSourcesAsync(GeneratedSources.LongMethod(5_000));

        AnalyzerRunner.AssertNoCrash(outcome, "a 5,000-statement method");
        Assert.Contains(outcome.Diagnostics, d => d.Id == "HIPAA001" && Expect.SourceNamedBy(d) == "Patient.Diagnosis");
    }

    [Fact]
    public async Task HugeInterpolation_AnalyzesWithoutException_AndReportsTheSend()
    {
        var outcome = await AnalyzerRunner.AnalyzeSourcesAsync(GeneratedSources.HugeInterpolation(3_000));

        AnalyzerRunner.AssertNoCrash(outcome, "an interpolation with 3,000 holes");
        Assert.Contains(outcome.Diagnostics, d => d.Id == "HIPAA001" && Expect.SourceNamedBy(d) == "Patient.Diagnosis");
    }

    [Fact]
    public async Task TopLevelStatementsAndScripts_AnalyzeWithoutException()
    {
        var program = AnalyzerRunner.Parse("""
            using Clinic;
            using Twilio.Rest.Api.V2010.Account;
            using Twilio.Types;
            var p = new Patient { Diagnosis = args[0] };
            MessageResource.Create(to: new PhoneNumber(p.Phone), body: p.Diagnosis);
            """, "Program.cs");
        var compilation = AnalyzerRunner.Empty
            .WithOptions(AnalyzerRunner.Empty.Options.WithOutputKind(OutputKind.ConsoleApplication))
            .AddSyntaxTrees(AnalyzerRunner.ContextTrees.Value.Append(program));

        var outcome = await AnalyzerRunner.AnalyzeAllAsync(compilation);

        AnalyzerRunner.AssertNoCrash(outcome, "top-level statements");
    }

    private static string InSender(string statements) => $$"""
        using HipaaDev.Annotations;
        using Twilio.Rest.Api.V2010.Account;
        using Twilio.Types;
        namespace Clinic
        {
            public sealed class Sender
            {
                public void Send(Patient p)
                {
                    {{statements}}
                }

                private static void Fill(out string value) => value = "";
            }
        }
        """;

    private static string InSenderClass(string members) => $$"""
        using HipaaDev.Annotations;
        using Twilio.Rest.Api.V2010.Account;
        using Twilio.Types;
        namespace Clinic
        {
            public sealed partial class Sender
            {
                {{members}}
            }
        }
        """;
}
