package vn.childprotection.platform.console.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.support.RequestContextUtils;

import java.util.List;
import java.util.Locale;

/**
 * {@code ?lang=vi} or {@code ?lang=en} on any page switches the language, remembered in the language cookie (the
 * dashboard reads and writes the same cookie); other values are ignored. Vietnamese is the default.
 */
public final class LanguageSwitch implements HandlerInterceptor {

    public static final String PARAMETER = "lang";
    public static final Locale VIETNAMESE = Locale.forLanguageTag("vi");
    public static final List<String> LANGUAGES = List.of("vi", "en");

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        String wanted = request.getParameter(PARAMETER);
        LocaleResolver locales = RequestContextUtils.getLocaleResolver(request);
        if (wanted != null && LANGUAGES.contains(wanted) && locales != null) {
            locales.setLocale(request, response, Locale.forLanguageTag(wanted));
        }
        return true;
    }

    /** The page's language: {@code en} when English was chosen, otherwise {@code vi}. */
    public static String of(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? "en" : "vi";
    }
}
