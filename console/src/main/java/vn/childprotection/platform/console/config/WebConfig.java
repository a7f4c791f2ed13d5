package vn.childprotection.platform.console.config;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import vn.childprotection.platform.areas.AreaMaps;
import vn.childprotection.platform.areas.AreaMapsLoader;
import vn.childprotection.platform.console.web.LanguageSwitch;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;

/**
 * The language (Vietnamese first, English on {@code ?lang=en}, remembered in the {@code cprp-lang} cookie), the
 * dashboard's Chart.js under the dashboard's own path, and the HTTP client of the relay to reporting-service.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ConsoleProperties.class)
public class WebConfig implements WebMvcConfigurer {

    /** The language cookie; the dashboard's script reads and writes it too, so it is not HttpOnly. */
    public static final String LANGUAGE_COOKIE = "cprp-lang";

    private final ConsoleProperties properties;

    public WebConfig(ConsoleProperties properties) {
        this.properties = properties;
    }

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver(LANGUAGE_COOKIE);
        resolver.setDefaultLocale(LanguageSwitch.VIETNAMESE);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setCookiePath("/");
        resolver.setCookieHttpOnly(false);
        resolver.setCookieSecure(properties.secureCookies());
        resolver.setCookieSameSite("Lax");
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new LanguageSwitch());
    }

    /** The dashboard loads Chart.js from {@code webjars/…} next to itself. */
    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/dashboard/webjars/**")
                .addResourceLocations("classpath:/META-INF/resources/webjars/");
    }

    /** The administrative maps the pickers offer (the same data intake checks reports against). */
    @Bean
    AreaMaps areaMaps() {
        return AreaMapsLoader.shipped();
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    HttpClient relayClient() {
        return HttpClient.newBuilder()
                .connectTimeout(properties.reporting().connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }
}
