using HipaaDev.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis.Testing;
using VerifyFlow = HipaaDev.Analyzers.Tests.Infrastructure.Verify<HipaaDev.Analyzers.Rules.PhiFlowAnalyzer>;

namespace HipaaDev.Analyzers.Tests.Rules;

/// <summary>HIPAA001: PHI reaches the body of an SMS or email outside an approved channel — how PHI travels there.</summary>
public sealed class PhiInMessageBodyTests
{
    // Wraps statements in a sender class; `p` is a Patient and `Sms(body)` is not available: tests call Twilio directly.
    private static Task VerifyAsync(string members, params DiagnosticResult[] expected) =>
        VerifyFlow.AnalyzerAsync(new[] { ClinicModel.Sender(members), ClinicModel.Source }, editorConfig: null, expected);

    [Fact]
    public async Task Body_FromPhiProperty_ReportsSourceSinkAndFix()
    {
        const string source = """
            using Twilio.Rest.Api.V2010.Account;
            using Twilio.Types;
            namespace Clinic
            {
                public sealed class Reminders
                {
                    public void Send(Patient patient)
                    {
                        var text = $"Hi {patient.FirstName}, about your {patient.Diagnosis} follow-up.";
                        MessageResource.Create(to: new PhoneNumber(patient.Phone), from: new PhoneNumber("+15550100"), body: {|#0:text|});
                    }
                }
            }
            """;
        const string model = """
            using HipaaDev.Annotations;
            namespace Clinic
            {
                public sealed class Patient
                {
                    public string FirstName { get; set; } = "";
                    [Phi] public string {|#1:Diagnosis|} { get; set; } = "";
                    public string Phone { get; set; } = "";
                }
            }
            """;

        await VerifyFlow.AnalyzerAsync(new[] { source, model }, null, Expect.Body(0, "Patient.Diagnosis", 1).WithMessage(
            "'Patient.Diagnosis' (PHI) reaches the SMS body of 'MessageResource.Create'. Send it through an [ApprovedChannel] method or type, or remove the PHI from the message."));
    }

    [Fact]
    public Task Body_WithOnlyUntaggedMembers_DoesNotTrigger() => VerifyAsync("""
        public void Send(Patient p) => MessageResource.Create(to: new PhoneNumber(p.Phone), body: $"Hi {p.FirstName}, see you tomorrow at 9. Reply C to confirm.");
        """);

    [Fact]
    public Task Body_ConcatenationAndStringMethods_Triggers() => VerifyAsync("""
        public void Send(Patient p) => MessageResource.Create(to: new PhoneNumber(p.Phone), body: {|#0:"Dx: " + p.Diagnosis.ToUpperInvariant().Trim()|});
        """, Expect.Body(0, "Patient.Diagnosis", ClinicModel.Diagnosis));

    [Fact]
    public Task Body_StringFormatConcatJoin_Triggers() => VerifyAsync("""
        public void Send(Patient p)
        {
            MessageResource.Create(to: new PhoneNumber(p.Phone), body: {|#0:string.Format("Dx {0}", p.Diagnosis)|});
            MessageResource.Create(to: new PhoneNumber(p.Phone), body: {|#1:string.Concat("Dx ", p.Diagnosis)|});
            MessageResource.Create(to: new PhoneNumber(p.Phone), body: {|#2:string.Join(" ", new[] { "Dx", p.Diagnosis })|});
        }
        """,
        Expect.Body(0, "Patient.Diagnosis", ClinicModel.Diagnosis),
        Expect.Body(1, "Patient.Diagnosis", ClinicModel.Diagnosis),
        Expect.Body(2, "Patient.Diagnosis", ClinicModel.Diagnosis));

    [Fact]
    public Task Body_ThroughLocalsAndCompoundAssignment_Triggers() => VerifyAsync("""
        public void Send(Patient p)
        {
            var name = p.LastName;
            var text = "Hello ";
            text += name;
            var copy = text;
            MessageResource.Create(to: new PhoneNumber(p.Phone), body: {|#0:copy|});
        }
        """, Expect.Body(0, "Patient.LastName", ClinicModel.LastName));

    [Fact]
    public Task Body_StringBuilderAppend_Triggers() => VerifyAsync("""
        public void Send(Patient p)
        {
            var sb = new StringBuilder();
            sb.Append("Dx: ");
            sb.AppendLine(p.Diagnosis);
            MessageResource.Create(to: new PhoneNumber(p.Phone), body: {|#0:sb.ToString()|});
        }
        """, Expect.Body(0, "Patient.Diagnosis", ClinicModel.Diagnosis));

    [Fact]
    public Task Body_StringBuilderAppendInterpolatedHandler_Triggers() => VerifyAsync("""
        public void Send(Patient p)
        {
            var sb = new StringBuilder();
            sb.Append($"Dx: {p.Diagnosis}");
            MessageResource.Create(to: new PhoneNumber(p.Phone), body: {|#0:sb.ToString()|});
        }
        """, Expect.Body(0, "Patient.Diagnosis", ClinicModel.Diagnosis));

    [Fact]
    public Task Body_InterpolatedStringHandlerViaStringCreate_Triggers() => VerifyAsync("""
        public void Send(Patient p)
        {
            var text = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Dx: {p.Diagnosis}");
            MessageResource.Create(to: new PhoneNumber(p.Phone), body: {|#0:text|});
        }
        """, Expect.Body(0, "Patient.Diagnosis", ClinicModel.Diagnosis));

    [Fact]
    public Task Body_ConditionalCoalesceAndSwitchExpression_Trigger() => VerifyAsync("""
        public void Send(Patient p, bool detailed, string? note, int kind)
        {
            MessageResource.Create(to: new PhoneNumber(p.Phone), body: {|#0:detailed ? p.Diagnosis : "See portal"|});
            MessageResource.Create(to: new PhoneNumber(p.Phone), body: {|#1:note ?? p.LastName|});
            var text = kind switch { 1 => p.Diagnosis, _ => "See portal" };
            MessageResource.Create(to: new PhoneNumber(p.Phone), body: {|#2:text|});
        }
        """,
        Expect.Body(0, "Patient.Diagnosis", ClinicModel.Diagnosis),
        Expect.Body(1, "Patient.LastName", ClinicModel.LastName),
        Expect.Body(2, "Patient.Diagnosis", ClinicModel.Diagnosis));

    [Fact]
    public Task Body_CollectionsOfPhi_Trigger() => VerifyAsync("""
        public void Send(Patient p)
        {
            var lines = new List<string> { "Summary:" };
            lines.Add(p.Diagnosis);
            MessageResource.Create(to: new PhoneNumber(p.Phone), body: {|#0:string.Join("\n", lines)|});
            var fields = new Dictionary<string, string>();
            fields["dx"] = p.Diagnosis;
            MessageResource.Create(to: new PhoneNumber(p.Phone), body: {|#1:fields["dx"]|});
            var array = new[] { p.LastName };
            MessageResource.Create(to: new PhoneNumber(p.Phone), body: {|#2:array[0]|});
        }
        """,
        Expect.Body(0, "Patient.Diagnosis", ClinicModel.Diagnosis),
        Expect.Body(1, "Patient.Diagnosis", ClinicModel.Diagnosis),
        Expect.Body(2, "Patient.LastName", ClinicModel.LastName));

    [Fact]
    public Task Body_ToStringOfTypesWithPhiMembers_Triggers() => VerifyAsync("""
        public void Send(Patient p, LabResult {|#3:result|}, Visit visit)
        {
            MessageResource.Create(to: new PhoneNumber(p.Phone), body: {|#0:$"Result: {result}"|});
            MessageResource.Create(to: new PhoneNumber(p.Phone), body: {|#1:visit.ToString()|});
            MessageResource.Create(to: new PhoneNumber(p.Phone), body: {|#2:"Patient: " + p|});
        }
        """,
        Expect.Body(0, "result", 3),
        Expect.Body(1, "Visit", ClinicModel.Visit),
        Expect.Body(2, "Patient", ClinicModel.Patient));

    [Fact]
    public Task Body_PhiTypeMembersAndPositionalRecordParameters_Trigger() => VerifyAsync("""
        public void Send(Patient p, LabResult result, Visit visit)
        {
            MessageResource.Create(to: new PhoneNumber(p.Phone), body: {|#0:result.TestName|});
            MessageResource.Create(to: new PhoneNumber(p.Phone), body: {|#1:visit.Reason|});
            MessageResource.Create(to: new PhoneNumber(p.Phone), body: visit.ClinicName);
        }
        """,
        Expect.Body(0, "LabResult.TestName", ClinicModel.LabResultTestName),
        Expect.Body(1, "Visit.Reason", ClinicModel.VisitReason));

    [Fact]
    public Task Body_PhiParameterAndPhiReturn_Trigger() => VerifyAsync("""
        private readonly IPatientRepository _repository;
        public Sender(IPatientRepository repository) { _repository = repository; }
        public void Send([Phi] string {|#2:diagnosis|}, Patient p)
        {
            MessageResource.Create(to: new PhoneNumber(p.Phone), body: {|#0:diagnosis|});
            MessageResource.Create(to: new PhoneNumber(p.Phone), body: {|#1:_repository.GetClinicalNotes(p.Id)|});
        }
        """,
        Expect.Body(0, "diagnosis", 2),
        Expect.Body(1, "IPatientRepository.GetClinicalNotes()", ClinicModel.ClinicalNotes));

    [Fact]
    public Task Body_ComputedPropertyOverPhi_Triggers() => VerifyAsync("""
        public void Send(Patient p) => MessageResource.Create(to: new PhoneNumber(p.Phone), body: {|#0:$"Hi {p.FullName}"|});
        """, Expect.Body(0, "Patient.LastName", ClinicModel.LastName));

    [Fact]
    public Task Body_SentFromFieldAndPropertyInitializers_Triggers() => VerifyAsync("""
        private static readonly Patient s_current = new Patient();
        private readonly MessageResource _sent = MessageResource.Create(to: new PhoneNumber("+15550100"), body: {|#0:"Dx: " + s_current.Diagnosis|});
        public MessageResource Resent { get; } = MessageResource.Create(to: new PhoneNumber("+15550100"), body: {|#1:s_current.LastName|});
        private readonly MessageResource _escaped = MessageResource.Cr\u0065ate(to: new PhoneNumber("+15550100"), body: {|#2:s_current.Diagnosis|});
        private readonly MessageResource _first = MessageResource.Create(to: new PhoneNumber("+15550100"), body: {|#3:s_current.Diagnosis|}),
            _second = MessageResource.Create(to: new PhoneNumber("+15550100"), body: {|#4:s_current.LastName|});
        // MessageResource.Create named only in this comment: the initializer below is looked at, and sends nothing.
        private readonly string _note = "MessageResource.Create " + s_current.Diagnosis;
        """,
        Expect.Body(0, "Patient.Diagnosis", ClinicModel.Diagnosis),
        Expect.Body(1, "Patient.LastName", ClinicModel.LastName),
        Expect.Body(2, "Patient.Diagnosis", ClinicModel.Diagnosis),
        Expect.Body(3, "Patient.Diagnosis", ClinicModel.Diagnosis),
        Expect.Body(4, "Patient.LastName", ClinicModel.LastName));

    [Fact]
    public Task Body_AfterAwait_Triggers() => VerifyAsync("""
        public async Task SendAsync(Patient p)
        {
            var text = await Task.FromResult(p.Diagnosis);
            await MessageResource.CreateAsync(to: new PhoneNumber(p.Phone), body: {|#0:text|});
        }
        """, Expect.Body(0, "Patient.Diagnosis", ClinicModel.Diagnosis));

    [Fact]
    public Task Body_FromLambdaAndLinq_Triggers() => VerifyAsync("""
        public void Send(Patient p, List<Patient> patients)
        {
            Func<string> describe = () => p.Diagnosis;
            MessageResource.Create(to: new PhoneNumber(p.Phone), body: {|#0:describe()|});
            MessageResource.Create(to: new PhoneNumber(p.Phone), body: {|#1:string.Join(", ", patients.Select(x => x.Diagnosis))|});
        }
        """,
        Expect.Body(0, "Patient.Diagnosis", ClinicModel.Diagnosis),
        Expect.Body(1, "Patient.Diagnosis", ClinicModel.Diagnosis));

    [Fact]
    public Task Body_LinqOverUntaggedMembers_DoesNotTrigger() => VerifyAsync("""
        public void Send(List<Patient> patients) =>
            MessageResource.Create(to: new PhoneNumber("+15550100"), body: string.Join(", ", patients.Where(x => x.Id > 0).Select(x => x.FirstName)));
        """);

    [Fact]
    public Task Body_SendInsideLambda_Triggers() => VerifyAsync("""
        public void Send(List<Patient> patients) =>
            patients.ForEach(x => MessageResource.Create(to: new PhoneNumber(x.Phone), body: {|#0:"Dx " + x.Diagnosis|}));
        """, Expect.Body(0, "Patient.Diagnosis", ClinicModel.Diagnosis));

    [Fact]
    public Task Body_InLoop_Triggers() => VerifyAsync("""
        public void Send(List<Patient> patients)
        {
            foreach (var x in patients)
            {
                MessageResource.Create(to: new PhoneNumber(x.Phone), body: {|#0:$"Dx {x.Diagnosis}"|});
            }
        }
        """, Expect.Body(0, "Patient.Diagnosis", ClinicModel.Diagnosis));

    [Fact]
    public Task Body_AssignedBeforeTryAndSentInCatch_Triggers() => VerifyAsync("""
        public void Send(Patient p)
        {
            var text = p.Diagnosis;
            try { Console.WriteLine("sending"); }
            catch (Exception) { MessageResource.Create(to: new PhoneNumber(p.Phone), body: {|#0:text|}); }
        }
        """, Expect.Body(0, "Patient.Diagnosis", ClinicModel.Diagnosis));

    [Fact]
    public Task Body_ObjectBuiltWithPhiMember_OnlyThatMemberCarriesPhi() => VerifyAsync("""
        public void Send(Patient p)
        {
            var appointment = new Appointment { PatientName = p.LastName, Start = DateTime.Now, Location = "Suite 4" };
            MessageResource.Create(to: new PhoneNumber(p.Phone), body: $"Your visit at {appointment.Location} on {appointment.Start:d}");
            MessageResource.Create(to: new PhoneNumber(p.Phone), body: {|#0:$"For {appointment.PatientName}"|});
        }
        """, Expect.Body(0, "Patient.LastName", ClinicModel.LastName));

    [Fact]
    public Task Body_UnknownExternalCallWithPhiArgument_Triggers() => VerifyAsync("""
        public void Send(Patient p) =>
            MessageResource.Create(to: new PhoneNumber(p.Phone), body: {|#0:System.Text.Json.JsonSerializer.Serialize(p)|});
        """, Expect.Body(0, "Patient", ClinicModel.Patient));

    [Fact]
    public Task Body_TupleDeconstruction_TracksEachElement() => VerifyAsync("""
        public void Send(Patient p)
        {
            var (clean, secret) = ("See you soon", p.Diagnosis);
            MessageResource.Create(to: new PhoneNumber(p.Phone), body: clean);
            MessageResource.Create(to: new PhoneNumber(p.Phone), body: {|#0:secret|});
        }
        """, Expect.Body(0, "Patient.Diagnosis", ClinicModel.Diagnosis));

    [Fact]
    public Task Body_OutArgumentOfLookupOverPhi_Triggers() => VerifyAsync("""
        public void Send(Patient p)
        {
            var notes = new Dictionary<int, string> { [p.Id] = p.Diagnosis };
            if (notes.TryGetValue(p.Id, out var note))
            {
                MessageResource.Create(to: new PhoneNumber(p.Phone), body: {|#0:note|});
            }
        }
        """, Expect.Body(0, "Patient.Diagnosis", ClinicModel.Diagnosis));

    [Fact]
    public Task Body_NullConditionalAndSwitchStatement_Trigger() => VerifyAsync("""
        public void Send(Patient? p, int kind)
        {
            string text;
            switch (kind)
            {
                case 1:
                    text = p?.Diagnosis ?? "";
                    break;
                default:
                    text = "See you soon";
                    break;
            }

            MessageResource.Create(to: new PhoneNumber("+15550100"), body: {|#0:text|});
        }
        """, Expect.Body(0, "Patient.Diagnosis", ClinicModel.Diagnosis));

    [Fact]
    public Task Body_PatternVariableOfPhiValue_Triggers() => VerifyAsync("""
        public void Send(object value, Patient p)
        {
            object boxed = p.Diagnosis;
            if (boxed is string text)
            {
                MessageResource.Create(to: new PhoneNumber(p.Phone), body: {|#0:text|});
            }
        }
        """, Expect.Body(0, "Patient.Diagnosis", ClinicModel.Diagnosis));

    [Fact]
    public async Task Body_PropertyTaggedOnItsInterface_Triggers()
    {
        const string source = """
            using HipaaDev.Annotations;
            using Twilio.Rest.Api.V2010.Account;
            using Twilio.Types;
            namespace Clinic
            {
                public interface IHasDiagnosis { [Phi] string Diagnosis { get; } }
                public sealed class Referral : IHasDiagnosis { public string {|#1:Diagnosis|} { get; set; } = ""; public string Phone { get; set; } = ""; }
                public sealed class Sender
                {
                    public void Send(Referral r) => MessageResource.Create(to: new PhoneNumber(r.Phone), body: {|#0:r.Diagnosis|});
                }
            }
            """;
        await VerifyFlow.AnalyzerAsync(new[] { source }, null, Expect.Body(0, "Referral.Diagnosis", 1));
    }
}
