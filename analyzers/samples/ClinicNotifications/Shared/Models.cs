using HipaaDev.Annotations;

namespace Riverside.Scheduling
{
    public sealed class Visit
    {
        public string PatientFirstName { get; set; } = "";
        public string MobilePhone { get; set; } = "";
        public System.DateTime StartsAt { get; set; }
        [Phi] public string Reason { get; set; } = "";
        [Phi] public string Department { get; set; } = "";
    }
}

namespace Riverside.Billing
{
    /// <summary>Generated from the billing database; PHI columns are listed in PhiSymbols.txt.</summary>
    public sealed class BillingRecord
    {
        public string AccountNumber { get; set; } = "";
        public string Email { get; set; } = "";
        public decimal Balance { get; set; }
        public string ProcedureDescription { get; set; } = "";
        public string DiagnosisCode { get; set; } = "";
    }
}
