package vn.childprotection.platform.notification.domain;

import org.junit.jupiter.api.Test;
import vn.childprotection.platform.notification.domain.FocalPointDirectory.AgencyFocalPoints;
import vn.childprotection.platform.notification.domain.FocalPointDirectory.AreaFocalPoint;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FocalPointDirectoryTest {

    private final FocalPointDirectory directory = new FocalPointDirectory(List.of(
            new AgencyFocalPoints("POLICE", Recipient.recorded("focal-point@police.local"), List.of()),
            new AgencyFocalPoints("SOCIAL_AFFAIRS", Recipient.recorded("focal-point@social-affairs.local"), List.of(
                    new AreaFocalPoint("11", Recipient.recorded("fp.11@social-affairs.local")),
                    new AreaFocalPoint("113", Recipient.recorded("fp.113@social-affairs.local"))))));

    @Test
    void anAgencyWithoutAreaEntriesAnswersItsDefaultFocalPoint() {
        assertThat(directory.focalPointFor("POLICE", "094")).contains(Recipient.recorded("focal-point@police.local"));
    }

    @Test
    void theLongestMatchingAreaPrefixWins() {
        assertThat(directory.focalPointFor("SOCIAL_AFFAIRS", "11")).contains(
                Recipient.recorded("fp.11@social-affairs.local"));
        assertThat(directory.focalPointFor("SOCIAL_AFFAIRS", "11345")).contains(
                Recipient.recorded("fp.113@social-affairs.local"));
        assertThat(directory.focalPointFor("SOCIAL_AFFAIRS", "01")).contains(
                Recipient.recorded("focal-point@social-affairs.local"));
    }

    @Test
    void anAgencyNotInTheDirectoryHasNoFocalPoint() {
        assertThat(directory.focalPointFor("COURTS", "01")).isEmpty();
    }

    @Test
    void anAgencyListedTwiceIsRejected() {
        var police = new AgencyFocalPoints("POLICE", Recipient.recorded("a@police.local"), List.of());
        assertThatThrownBy(() -> new FocalPointDirectory(List.of(police, police)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anAreaPrefixMustBeDigits() {
        assertThatThrownBy(() -> new AreaFocalPoint("1A", Recipient.recorded("a@b.local")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
