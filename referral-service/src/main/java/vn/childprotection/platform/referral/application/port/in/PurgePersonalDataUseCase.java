package vn.childprotection.platform.referral.application.port.in;

/** The retention job: the personal data of cases closed longer than the retention period is erased. */
public interface PurgePersonalDataUseCase {

    /** One pass, under the job's lease (another instance's pass does nothing meanwhile); returns the cases purged. */
    int runOnce();
}
