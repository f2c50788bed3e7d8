using System.Net.Mail;
using Riverside.Billing;

namespace Riverside.Notifications
{
    /// <summary>Statements go to the portal; the email only says one is ready.</summary>
    public sealed class BillingStatements
    {
        public MailMessage Build(BillingRecord record)
        {
            var message = new MailMessage("billing@riverside.example", record.Email);
            message.Subject = "Your statement from Riverside Clinic";
            message.Body = $"Your statement for account ending {Last4(record.AccountNumber)} is ready in the patient portal.";
            return message;
        }

        private static string Last4(string accountNumber) =>
            accountNumber.Length <= 4 ? accountNumber : accountNumber.Substring(accountNumber.Length - 4);
    }
}
