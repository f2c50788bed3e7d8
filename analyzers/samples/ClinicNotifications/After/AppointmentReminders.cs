using System.Threading.Tasks;
using Riverside.Scheduling;
using Twilio.Rest.Api.V2010.Account;
using Twilio.Types;

namespace Riverside.Notifications
{
    /// <summary>SMS is not an approved channel: reminders carry only the time and a way to confirm.</summary>
    public sealed class AppointmentReminders
    {
        public Task<MessageResource> SendAsync(Visit visit)
        {
            var text = $"Hi {visit.PatientFirstName}, you have an appointment at Riverside Clinic on {visit.StartsAt:MMM d} at {visit.StartsAt:h:mm tt}. Reply C to confirm.";
            return MessageResource.CreateAsync(
                to: new PhoneNumber(visit.MobilePhone),
                from: new PhoneNumber("+15555550100"),
                body: text);
        }
    }
}
