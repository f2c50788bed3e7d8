using HipaaDev.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis.Testing;
using VerifyFlow = HipaaDev.Analyzers.Tests.Infrastructure.Verify<HipaaDev.Analyzers.Rules.PhiFlowAnalyzer>;

namespace HipaaDev.Analyzers.Tests.Flow;

/// <summary>
/// Objects built from PHI and neutral values (records, tuples, anonymous types, DTOs with initializers, <c>with</c>
/// copies, deconstruction and patterns): each member keeps its own taint, so a neutral member stays neutral next to a
/// PHI sibling and a PHI member stays PHI through copies, helpers that return the object, and patterns.
/// </summary>
public sealed class MemberTaintTests
{
    private const string Usings = """
        using System.Collections.Generic;
        using HipaaDev.Annotations;
        using Twilio.Rest.Api.V2010.Account;
        using Twilio.Types;
        """;

    private const string Sms = """
        public static class Sms
        {
            public static void Text(string to, string body) =>
                MessageResource.Create(to: new PhoneNumber(to), from: new PhoneNumber("+15550100"), body: body);
        }
        public sealed record ReminderDto(string Clinic, string Detail);
        public sealed class ReminderModel
        {
            public string Clinic { get; set; } = "";
            public string Detail { get; set; } = "";
        }
        """;

    /// <summary>HIPAA001 at markup <paramref name="at"/>, naming <paramref name="source"/> and the Sms.Text helper.</summary>
    private static DiagnosticResult ViaSms(int at, string source) =>
        Expect.Body(at).WithArguments(source, "SMS body", "MessageResource.Create' via 'Sms.Text");

    private static Task VerifyAsync(string source, params DiagnosticResult[] expected) =>
        VerifyFlow.AnalyzerAsync(new[] { Usings + "\nnamespace Clinic\n{\n" + source + "\n" + Sms + "\n}\n", ClinicModel.Source }, editorConfig: null, expected);

    [Fact]
    public Task PositionalRecord_NeutralMemberStaysNeutral_PhiMemberIsPhi() => VerifyAsync("""
        public sealed class Reminders
        {
            public void Remind(Patient p)
            {
                var dto = new ReminderDto("Main Street Clinic", p.Diagnosis);
                Sms.Text(p.Phone, $"Visit {dto.Clinic} tomorrow.");
                Sms.Text(p.Phone, {|#0:$"About: {dto.Detail}"|});
            }
        }
        """, ViaSms(0, "Patient.Diagnosis"));

    [Fact]
    public Task InitializerDto_BuiltInHelper_KeepsMembersApartThroughTheReturn() => VerifyAsync("""
        public sealed class Reminders
        {
            public void Remind(Patient p)
            {
                var model = Map(p);
                Sms.Text(p.Phone, "Reminder from " + model.Clinic);
                Sms.Text(p.Phone, {|#0:model.Detail|});
            }

            private static ReminderModel Map(Patient p) => new ReminderModel { Clinic = "Main Street", Detail = p.Diagnosis };
        }
        """, ViaSms(0, "Patient.Diagnosis"));

    [Fact]
    public Task RecordBuiltInHelper_KeepsMembersApartThroughTheReturn() => VerifyAsync("""
        public sealed class Reminders
        {
            public void Remind(Patient p)
            {
                var dto = ToDto(p);
                Sms.Text(p.Phone, dto.Clinic);
                Sms.Text(p.Phone, {|#0:dto.Detail|});
            }

            private static ReminderDto ToDto(Patient p) => new ReminderDto("Main Street", p.LastName);
        }
        """, ViaSms(0, "Patient.LastName"));

    [Fact]
    public Task Tuple_NamedElements_KeepTheirOwnTaint() => VerifyAsync("""
        public sealed class Reminders
        {
            public void Remind(Patient p)
            {
                var pair = (Clinic: "Main Street", Reason: p.Diagnosis);
                Sms.Text(p.Phone, pair.Clinic);
                Sms.Text(p.Phone, {|#0:pair.Reason|});
                var (clinic, reason) = pair;
                Sms.Text(p.Phone, clinic);
                Sms.Text(p.Phone, {|#1:reason|});
            }
        }
        """,
        ViaSms(0, "Patient.Diagnosis"),
        ViaSms(1, "Patient.Diagnosis"));

    [Fact]
    public Task TupleReturnedFromHelper_KeepsElementsApart() => VerifyAsync("""
        public sealed class Reminders
        {
            public void Remind(Patient p)
            {
                var (greeting, detail) = Compose(p);
                Sms.Text(p.Phone, greeting);
                Sms.Text(p.Phone, {|#0:detail|});
            }

            private static (string Greeting, string Detail) Compose(Patient p) => ($"Hi {p.FirstName}", $"Result: {p.Diagnosis}");
        }
        """, ViaSms(0, "Patient.Diagnosis"));

    [Fact]
    public Task AnonymousObject_NeutralMemberStaysNeutral() => VerifyAsync("""
        public sealed class Reminders
        {
            public void Remind(Patient p)
            {
                var item = new { Clinic = "Main Street", Reason = p.Diagnosis };
                Sms.Text(p.Phone, item.Clinic);
                Sms.Text(p.Phone, {|#0:item.Reason|});
            }
        }
        """, ViaSms(0, "Patient.Diagnosis"));

    [Fact]
    public Task WithExpression_CopiesMembers_AndOverwritesOnlyTheNamedOne() => VerifyAsync("""
        public sealed class Reminders
        {
            public void Remind(Patient p)
            {
                var dto = new ReminderDto("Main Street", p.Diagnosis);
                var moved = dto with { Clinic = "Elm Street" };
                Sms.Text(p.Phone, moved.Clinic);
                Sms.Text(p.Phone, {|#0:moved.Detail|});
                var cleaned = dto with { Detail = "see the portal" };
                Sms.Text(p.Phone, cleaned.Detail);
                Sms.Text(p.Phone, cleaned.Clinic);
            }
        }
        """, ViaSms(0, "Patient.Diagnosis"));

    [Fact]
    public Task RecordDeconstruction_CarriesEachMembersTaint() => VerifyAsync("""
        public sealed class Reminders
        {
            public void Remind(Patient p)
            {
                var (clinic, detail) = new ReminderDto("Main Street", p.Diagnosis);
                Sms.Text(p.Phone, clinic);
                Sms.Text(p.Phone, {|#0:detail|});
            }
        }
        """, ViaSms(0, "Patient.Diagnosis"));

    [Fact]
    public Task PropertyAndPositionalPatterns_BindTheMembersTaint() => VerifyAsync("""
        public sealed class Reminders
        {
            public void Remind(Patient p, object message)
            {
                var dto = new ReminderDto("Main Street", p.Diagnosis);
                if (dto is { Clinic: var clinic, Detail: var detail })
                {
                    Sms.Text(p.Phone, clinic);
                    Sms.Text(p.Phone, {|#0:detail|});
                }

                switch (dto)
                {
                    case (var c, var d):
                        Sms.Text(p.Phone, c);
                        Sms.Text(p.Phone, {|#1:d|});
                        break;
                }

                if (p is { Diagnosis: var dx, FirstName: var first })
                {
                    Sms.Text(p.Phone, first);
                    Sms.Text(p.Phone, {|#2:dx|});
                }
            }
        }
        """,
        ViaSms(0, "Patient.Diagnosis"),
        ViaSms(1, "Patient.Diagnosis"),
        ViaSms(2, "Patient.Diagnosis"));

    [Fact]
    public Task WholeObjectWithPhiMember_IsStillPhiAsText() => VerifyAsync("""
        public sealed class Reminders
        {
            public void Remind(Patient p)
            {
                var dto = new ReminderDto("Main Street", p.Diagnosis);
                Sms.Text(p.Phone, {|#0:dto.ToString()|});
                Sms.Text(p.Phone, {|#1:$"{dto}"|});
            }
        }
        """,
        ViaSms(0, "Patient.Diagnosis"),
        ViaSms(1, "Patient.Diagnosis"));
}
