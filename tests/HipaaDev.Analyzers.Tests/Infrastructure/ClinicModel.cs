namespace HipaaDev.Analyzers.Tests.Infrastructure;

/// <summary>
/// The patient model the rule tests share: some members are PHI, some are not. Each PHI declaration is marked, so a
/// test names the source its diagnostic reports and where it is declared: <c>Expect.Body(0, "Patient.Diagnosis", ClinicModel.Diagnosis)</c>.
/// The markers are numbered from 100 so they never meet a test's own.
/// </summary>
internal static class ClinicModel
{
    public const int Patient = 100;
    public const int LastName = 101;
    public const int Diagnosis = 102;
    public const int LabResult = 103;
    public const int VisitReason = 104;
    public const int ClinicalNotes = 105;
    public const int Visit = 106;
    public const int LabResultTestName = 107;

    public static readonly string Source = $$"""
        using System.Collections.Generic;
        using HipaaDev.Annotations;
        namespace Clinic
        {
            public sealed class {|#{{Patient}}:Patient|}
            {
                public int Id { get; set; }
                public string FirstName { get; set; } = "";
                [Phi] public string {|#{{LastName}}:LastName|} { get; set; } = "";
                [Phi] public string {|#{{Diagnosis}}:Diagnosis|} { get; set; } = "";
                public string Phone { get; set; } = "";
                public string Email { get; set; } = "";
                public string FullName => $"{FirstName} {LastName}";
            }

            [Phi]
            public sealed record {|#{{LabResult}}:LabResult|}(string {|#{{LabResultTestName}}:TestName|}, string Value);

            public sealed record {|#{{Visit}}:Visit|}(string ClinicName, [Phi] string {|#{{VisitReason}}:Reason|});

            public sealed class Appointment
            {
                public string PatientName { get; set; } = "";
                public System.DateTime Start { get; set; }
                public string Location { get; set; } = "";
            }

            public static class Masking
            {
                [PhiSanitizer]
                public static string Initials(string name) => name.Length > 0 ? name.Substring(0, 1) + "." : "";
            }

            public interface IPatientRepository
            {
                [return: Phi]
                string {|#{{ClinicalNotes}}:GetClinicalNotes|}(int patientId);

                Patient Find(int patientId);
            }
        }
        """;

    /// <summary>A <c>Clinic.Sender</c> class holding the given members, with the usings the rule tests need.</summary>
    public static string Sender(string members) => $$"""
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using System.Net.Mail;
        using System.Text;
        using System.Threading.Tasks;
        using HipaaDev.Annotations;
        using Twilio.Rest.Api.V2010.Account;
        using Twilio.Types;
        namespace Clinic
        {
            public sealed class Sender
            {
        {{members}}
            }
        }
        """;
}
