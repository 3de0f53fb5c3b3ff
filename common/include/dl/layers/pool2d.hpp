/// @file pool2d.hpp
/// @brief What max and average pooling share: the window's size, stride and padding.
#pragma once

#include "dl/layers/im2col.hpp"
#include "dl/layers/layer.hpp"

#include <string>

namespace dl {

/// Base of the pooling layers: checks the window's arguments, names the layer, and turns
/// an input (N, C, H, W) into the geometry of one plane's windows.
template <class T>
class Pool2d : public Layer<T> {
public:
    std::string name() const override;
    int kernel() const { return kernel_; }    ///< K: the window is K×K @return K
    int stride() const { return stride_; }    ///< step between windows @return the stride
    int padding() const { return padding_; }  ///< rows and columns added on every side @return the padding

protected:
    /// @param kind "MaxPool2d" or "AvgPool2d", for names and messages
    /// @param kernel K: the window is K×K
    /// @param stride 0 means stride = kernel (non-overlapping windows)
    /// @param padding rows and columns added on every side, at most K/2
    Pool2d(std::string kind, int kernel, int stride, int padding);

    /// Checks that @p x is (N, C, H, W) and at least one window fits, remembers its shape
    /// for backward, and returns the window geometry of one plane.
    /// @param x the input (N, C, H, W)
    /// @return the window geometry of one (H, W) plane
    ConvGeometry start_forward(const Tensor<T>& x);

    /// @brief The window geometry of one plane of the last forward input.
    /// @return 1 channel, H, W, the K×K window, stride and padding
    ConvGeometry input_geometry() const;

    std::string kind_;    ///< "MaxPool2d" or "AvgPool2d"
    int kernel_;          ///< K: the window is K×K
    int stride_;          ///< step between windows
    int padding_;         ///< rows and columns added on every side
    Shape input_shape_;   ///< (N, C, H, W) of the last forward
};

}  // namespace dl
