package dev.marketplace.ui.developer;

import com.vaadin.flow.component.datepicker.DatePicker;

/** Date pickers that read and show ISO dates (2026-11-25), as every time on these pages is UTC and ISO too. */
final class IsoDates {

    private IsoDates() {
    }

    static DatePicker picker(String label) {
        DatePicker picker = new DatePicker(label);
        DatePicker.DatePickerI18n i18n = new DatePicker.DatePickerI18n();
        i18n.setDateFormat("yyyy-MM-dd");
        i18n.setFirstDayOfWeek(1);
        picker.setI18n(i18n);
        picker.setPlaceholder("YYYY-MM-DD");
        return picker;
    }
}
