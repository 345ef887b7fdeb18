#!/bin/sh
# Install Drafter for the current user (no administrator rights needed):
#   ./install.sh              copy this folder to ~/.local/opt/drafter, add the menu entry,
#                             the icon, the .letter file type and ~/.local/bin/drafter
#   ./install.sh --uninstall  remove all of that again; letters, the database and the
#                             preferences (in ~/.local/share/Drafter, ~/.config/Drafter)
#                             are kept
set -eu

here=$(cd "$(dirname "$0")" && pwd)
data_home=${XDG_DATA_HOME:-$HOME/.local/share}
target=${DRAFTER_INSTALL_DIR:-$HOME/.local/opt/drafter}
bin_dir=$HOME/.local/bin

refresh_desktop() {
    command -v update-mime-database >/dev/null 2>&1 && update-mime-database "$data_home/mime" >/dev/null 2>&1 || true
    command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database "$data_home/applications" >/dev/null 2>&1 || true
    command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q -t "$data_home/icons/hicolor" >/dev/null 2>&1 || true
}

uninstall() {
    rm -f "$data_home/applications/drafter.desktop" \
          "$data_home/icons/hicolor/256x256/apps/drafter.png" \
          "$data_home/icons/hicolor/scalable/apps/drafter.svg" \
          "$data_home/mime/packages/drafter-letter.xml"
    if [ -L "$bin_dir/drafter" ]; then rm -f "$bin_dir/drafter"; fi
    if [ -x "$target/drafter" ] && [ -d "$target/_internal" ]; then rm -rf "$target"; fi
    refresh_desktop
}

if [ "${1:-}" = "--uninstall" ]; then
    uninstall
    echo "Đã gỡ Drafter. Văn bản và dữ liệu của bạn vẫn được giữ nguyên."
    echo "Drafter was removed. Your letters and data were kept."
    exit 0
fi

if [ "$here" != "$target" ]; then
    # Replace an older version; the user's data never lives in this folder.
    if [ -x "$target/drafter" ] && [ -d "$target/_internal" ]; then
        rm -rf "$target"
    elif [ -e "$target" ]; then
        echo "$target đã tồn tại và không phải là Drafter; không cài đè lên." >&2
        echo "$target exists and is not Drafter; nothing was changed." >&2
        exit 1
    fi
    mkdir -p "$(dirname "$target")"
    cp -a "$here" "$target"
fi

mkdir -p "$data_home/applications" "$data_home/icons/hicolor/256x256/apps" \
         "$data_home/icons/hicolor/scalable/apps" "$data_home/mime/packages" "$bin_dir"
cp "$target/drafter.png" "$data_home/icons/hicolor/256x256/apps/drafter.png"
cp "$target/drafter.svg" "$data_home/icons/hicolor/scalable/apps/drafter.svg"
cp "$target/drafter-letter.xml" "$data_home/mime/packages/drafter-letter.xml"
sed -e "s|^Exec=.*|Exec=\"$target/drafter\" %F|" -e "s|^TryExec=.*|TryExec=$target/drafter|" \
    "$target/drafter.desktop" > "$data_home/applications/drafter.desktop"
ln -sf "$target/drafter" "$bin_dir/drafter"
refresh_desktop

echo "Đã cài Drafter vào $target. Mở Drafter từ menu ứng dụng (mục Văn phòng) hoặc gõ: drafter"
echo "Drafter is installed in $target. Start it from the applications menu (Office) or type: drafter"
