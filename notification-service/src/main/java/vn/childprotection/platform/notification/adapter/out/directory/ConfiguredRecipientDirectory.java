package vn.childprotection.platform.notification.adapter.out.directory;

import vn.childprotection.platform.notification.application.port.out.RecipientDirectory;
import vn.childprotection.platform.notification.domain.FocalPointDirectory;
import vn.childprotection.platform.notification.domain.Recipient;

import java.util.List;
import java.util.Optional;

/**
 * The recipient directory of this release: focal points, backups and province coordinators from configuration
 * ({@code notification.directory}).
 */
public final class ConfiguredRecipientDirectory implements RecipientDirectory {

    private final FocalPointDirectory directory;

    public ConfiguredRecipientDirectory(FocalPointDirectory directory) {
        this.directory = directory;
    }

    @Override
    public Optional<Recipient> focalPointFor(String agency, String areaCode) {
        return directory.focalPointFor(agency, areaCode);
    }

    @Override
    public List<Recipient> recipientsFor(String agency, String areaCode) {
        return directory.recipientsFor(agency, areaCode);
    }

    @Override
    public Optional<Recipient> backupFocalPointFor(String agency) {
        return directory.backupFocalPointFor(agency);
    }

    @Override
    public Optional<Recipient> coordinatorFor(String provinceCode) {
        return directory.coordinatorFor(provinceCode);
    }
}
