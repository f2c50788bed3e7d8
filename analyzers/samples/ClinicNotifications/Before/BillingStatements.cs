using System.Net.Mail;
using Riverside.Billing;

namespace Riverside.Notifications
{
    public sealed class BillingStatements
    {
        public MailMessage Build(BillingRecord record)
        {
            var message = new MailMessage("billing@riverside.example", record.Email);
            message.Subject = "Your statement from Riverside Clinic";
            message.Body = $"Balance {record.Balance:C} for {record.ProcedureDescription}."; // expect: HIPAA001
            return message;
        }
    }
}
