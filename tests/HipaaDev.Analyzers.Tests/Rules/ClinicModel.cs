namespace HipaaDev.Analyzers.Tests.Rules;

/// <summary>The patient model the rule tests share: some members are PHI, some are not.</summary>
internal static class ClinicModel
{
    public const string Source = """
        using System.Collections.Generic;
        using HipaaDev.Annotations;
        namespace Clinic
        {
            public sealed class Patient
            {
                public int Id { get; set; }
                public string FirstName { get; set; } = "";
                [Phi] public string LastName { get; set; } = "";
                [Phi] public string Diagnosis { get; set; } = "";
                public string Phone { get; set; } = "";
                public string Email { get; set; } = "";
                public string FullName => $"{FirstName} {LastName}";
            }

            [Phi]
            public sealed record LabResult(string TestName, string Value);

            public sealed record Visit(string ClinicName, [Phi] string Reason);

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
                string GetClinicalNotes(int patientId);

                Patient Find(int patientId);
            }
        }
        """;
}
